// A grant: what one site (a full origin) may read, from which persona, until when.
export interface Grant {
  id: string;
  origin: string;
  atSign: string;
  personaId: string;
  fields: string[];
  /** ms since epoch */
  grantedAt: number;
  /** ms since epoch, or null for "until I revoke" */
  expiresAt: number | null;
  /** until when sign-ins complete without asking ("Keep me signed in"); absent when not kept */
  signInKeptUntil?: number;
}
