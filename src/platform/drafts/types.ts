export type DraftLanguage = 'nb' | 'en';

/** Where the request is for; tt02 is the test environment that pairs with Maskinporten test. */
export type DraftEnvironment = 'tt02' | 'production';

export interface EmailDraft {
  readonly to: string;
  readonly subject: string;
  /** Lines separated by "\n". */
  readonly body: string;
}

export interface ContactPerson {
  readonly name: string;
  readonly email: string;
  readonly phone?: string;
}
