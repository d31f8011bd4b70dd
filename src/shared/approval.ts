// What a site asks the person, and what the person answers, in the window the
// wallet owns. The window gets only a request id; everything else it asks for.

export type Duration = 'once' | 'hour' | 'day' | 'month' | 'forever';

export const DURATIONS: readonly { value: Duration; label: string; ms: number | null }[] = [
  { value: 'once', label: 'Only this time', ms: 0 },
  { value: 'hour', label: '1 hour', ms: 60 * 60_000 },
  { value: 'day', label: '1 day', ms: 24 * 60 * 60_000 },
  { value: 'month', label: '30 days', ms: 30 * 24 * 60 * 60_000 },
  { value: 'forever', label: 'Until I revoke', ms: null },
];

export interface ConnectRequest {
  fields: string[];
  optionalFields: string[];
  purpose?: string;
}

interface ViewBase {
  id: string;
  /** the requesting frame's origin, from the browser */
  origin: string;
  /** the top page's origin when the request came from a cross-origin iframe, else null */
  topOrigin: string | null;
}

/** A site asks for fields of a persona. */
export interface ConnectView extends ViewBase {
  kind: 'connect';
  request: ConnectRequest;
}

/**
 * A site asks the person to sign in: the window shows the exact message the
 * wallet would sign and, when the site also asks for fields its grant does not
 * cover, the persona and fields to share — one window for one intention.
 */
export interface SignInView extends ViewBase {
  kind: 'signIn';
  atSign: string;
  message: string;
  request?: ConnectRequest;
}

/** The approval window's view of one waiting request. */
export type ApprovalView = ConnectView | SignInView;

/** What the person chose to share: from which persona, which fields, for how long. */
export interface ShareChoice {
  personaId: string;
  /** the fields the person ticked: every required one, and the optional ones they chose */
  fields: string[];
  duration: Duration;
  /** values the person filled in right in the window; saved to the persona first */
  fill?: Record<string, string>;
}

export interface ConnectAnswer extends ShareChoice {
  approve: true;
}

export interface SignInAnswer {
  approve: true;
  /** later sign-ins from this site complete without a window, for up to 30 days */
  keepSignedIn: boolean;
  /** what to share with the sign-in; given exactly when the view has a `request` */
  share?: ShareChoice;
}

/** No; with `quiet`, the site may not ask again for QUIET_MS (the person can undo it in the popup). */
export interface RejectAnswer {
  approve: false;
  quiet?: boolean;
}

export type ApprovalAnswer = RejectAnswer | ConnectAnswer | SignInAnswer;

/** How long "Don't ask again today" keeps a site from asking: a day. */
export const QUIET_MS = 24 * 60 * 60_000;

/** A site the person asked not to ask again for a while, and until when (ms since epoch). */
export interface QuietSite {
  origin: string;
  until: number;
}

/** How long "Keep me signed in on this site" lasts at most. */
export const KEEP_SIGNED_IN_MS = 30 * 24 * 60 * 60_000;
