export type EnvironmentId = 'sandbox' | 'tt02' | 'at23' | 'yt01' | 'production';
