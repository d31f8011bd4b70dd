// The activity log as the person sees it: what each site did, and when.

/** `quieted`: a request refused without asking, because the person asked the site not to ask for a while. */
export type ActivityKind = 'connect' | 'read' | 'signIn' | 'disconnect' | 'revoke' | 'expire' | 'quieted';

export interface ActivityEntry {
  id: number;
  /** ms since epoch */
  at: number;
  kind: ActivityKind;
  origin: string;
  /** the fields involved, if any */
  fields: string[];
}

export const ACTIVITY_KINDS: readonly ActivityKind[] = ['connect', 'read', 'signIn', 'disconnect', 'revoke', 'expire', 'quieted'];
