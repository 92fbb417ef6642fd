/** What the clients need of a payload schema: zod's `safeParse` shape, so the zod chunk loads only on first use. */
export interface Schema<T> {
  safeParse(
    data: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}
