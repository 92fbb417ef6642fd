// Follows Digdir's Maskinporten docs: https://docs.digdir.no/docs/Maskinporten/maskinporten_protocol_jwtgrant (jti) and https://docs.digdir.no/docs/Maskinporten/maskinporten_feilsoking (MP-012)
/** Remembers grant ids (jti) until their grant could no longer be valid, so a reused grant is refused with MP-012. */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();

  /** Returns false when this jti was already used by the client. */
  remember(clientId: string, jti: string, forgetAfterSeconds: number, nowSeconds: number): boolean {
    this.sweep(nowSeconds);
    const key = `${clientId}\u0000${jti}`;
    if (this.seen.has(key)) return false;
    this.seen.set(key, forgetAfterSeconds);
    return true;
  }

  private sweep(nowSeconds: number): void {
    if (this.seen.size < 10_000) return;
    for (const [key, until] of this.seen) if (until < nowSeconds) this.seen.delete(key);
  }
}
