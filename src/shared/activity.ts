// The activity log as the person sees it: what each site did, and when.

export type ActivityKind = 'connect' | 'read' | 'signIn' | 'disconnect' | 'revoke' | 'expire';

export interface ActivityEntry {
  id: number;
  /** ms since epoch */
  at: number;
  kind: ActivityKind;
  origin: string;
  /** the fields involved, if any */
  fields: string[];
}

export const ACTIVITY_KINDS: readonly ActivityKind[] = ['connect', 'read', 'signIn', 'disconnect', 'revoke', 'expire'];
