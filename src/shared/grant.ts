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

/** A grant as the person's permission manager lists it. */
export interface SiteAccess extends Grant {
  /** when the site last connected, read or signed in (to the minute); null if never since it was granted */
  lastUsedAt: number | null;
}
