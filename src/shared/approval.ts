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

/** The approval window's view of one waiting request. */
export interface ApprovalView {
  id: string;
  kind: 'connect';
  /** the requesting frame's origin, from the browser */
  origin: string;
  /** the top page's origin when the request came from a cross-origin iframe, else null */
  topOrigin: string | null;
  request: ConnectRequest;
}

export type ApprovalAnswer =
  | { approve: false }
  | {
      approve: true;
      personaId: string;
      /** the fields the person ticked: every required one, and the optional ones they chose */
      fields: string[];
      duration: Duration;
      /** values the person filled in right in the window; saved to the persona first */
      fill?: Record<string, string>;
    };
