// Turns the text an atServer sends, split anywhere or several replies at once,
// into frames. The server writes
//   a prompt    `@` before authentication, `@alice@` after (no newline),
//   a reply     `data:…\n` or `error:…\n`, always followed by the next prompt,
//   a monitor's `notification: {json}\n` lines, with no prompt after them.
// As Atsign's own client does (at_lookup's OutboundMessageListener), a reply
// ends at a newline that is followed by `@`, so a newline inside an error
// description stays in it; the prompt in front of a reply is everything up to
// the last `@` before the reply's first colon (an atSign cannot hold a colon).
// A monitor line ends at its newline (at_client's Monitor reads it so).

import { excerpt, malformed } from './errors';
import { AtServerError, parseServerError } from './server-error';

export type AtFrame =
  /** A prompt began: the server is ready for a command. */
  | { type: 'prompt' }
  /** What followed `data:`, exactly. */
  | { type: 'data'; data: string }
  | { type: 'error'; error: AtServerError }
  /** The JSON text of a `notification:` line, not yet parsed. */
  | { type: 'notification'; json: string };

/** As large a reply as Atsign's clients accept (their 10,240,000-byte buffer), counted in characters. */
export const MAX_REPLY_CHARS = 10_240_000;
/** `@` + an atSign (at most 55 characters, each up to a few UTF-16 units) + `@`. */
const MAX_PROMPT_CHARS = 512;

const HEADS = ['data:', 'error:', 'notification:'] as const;

export class AtFramer {
  readonly #deliver: (frame: AtFrame) => void;
  readonly #maxChars: number;
  #buf = '';
  /**
   * While a long reply's end is awaited, new text is kept aside and only it
   * (with a few characters before it) is searched, so a reply arriving in many
   * chunks costs time in proportion to its length, not its square.
   */
  #awaiting: { marker: string; chunks: string[]; length: number; tail: string } | null = null;
  #promptAnnounced = false;
  #failed = false;

  constructor(deliver: (frame: AtFrame) => void, maxChars = MAX_REPLY_CHARS) {
    this.#deliver = deliver;
    this.#maxChars = maxChars;
  }

  /** Feeds arriving text. Throws AtClientError('malformed') on anything that is not the protocol; after that it takes nothing more. */
  push(text: string): void {
    if (this.#failed) return;
    try {
      if (this.#stillAwaiting(text)) return;
      this.#drain(false);
    } catch (error) {
      this.#failed = true;
      this.#buf = '';
      throw error;
    }
  }

  /**
   * The connection closed. A reply the server ended with its newline but no
   * prompt — its last words before hanging up, e.g. `error:AT0012-…\n` when it
   * has too many connections — is delivered; a fragment is dropped.
   */
  end(): void {
    if (this.#failed) return;
    this.#stillAwaiting('');
    this.#release();
    try {
      this.#drain(true);
    } catch {
      // Garbage at the very end changes nothing: the connection is gone.
    }
    this.#failed = true;
    this.#buf = '';
  }

  #drain(atEnd: boolean): void {
    while (this.#buf !== '') {
      if (this.#buf.startsWith('@')) {
        if (!this.#stripPrompt()) return;
        continue;
      }
      const head = HEADS.find((h) => this.#buf.startsWith(h));
      if (!head) {
        if (HEADS.some((h) => h.startsWith(this.#buf))) return;
        throw malformed(`The atServer sent ${excerpt(this.#buf)}, which is not a reply of the atProtocol.`);
      }
      const taken = head === 'notification:' ? this.#takeLine(head) : this.#takeReply(head, atEnd);
      if (!taken) return;
    }
  }

  /** False while the prompt is not yet complete. */
  #stripPrompt(): boolean {
    if (!this.#promptAnnounced) {
      this.#promptAnnounced = true;
      this.#deliver({ type: 'prompt' });
    }
    const colon = this.#buf.indexOf(':');
    const newline = this.#buf.indexOf('\n');
    const stop = colon === -1 ? newline : newline === -1 ? colon : Math.min(colon, newline);
    if (stop === -1) {
      if (this.#buf.length > MAX_PROMPT_CHARS) throw malformed('The atServer sent a prompt that never ends.');
      return false;
    }
    this.#buf = this.#buf.slice(this.#buf.lastIndexOf('@', stop) + 1);
    return true;
  }

  #takeLine(head: string): boolean {
    const end = this.#findEnd('\n');
    if (end === -1) return false;
    // Whole in one piece, a line never waited: its length is checked here.
    this.#checkSize(end);
    const json = this.#buf.slice(head.length, end).trim();
    this.#consume(end + 1);
    this.#deliver({ type: 'notification', json });
    return true;
  }

  #takeReply(head: 'data:' | 'error:', atEnd: boolean): boolean {
    let end = this.#findEnd('\n@');
    if (end === -1 && atEnd && this.#buf.endsWith('\n')) end = this.#buf.length - 1;
    if (end === -1) return false;
    this.#checkSize(end);
    const body = this.#buf.slice(head.length, end);
    // The newline goes; the `@` stays, as the start of the next prompt.
    this.#consume(end + 1);
    this.#deliver(head === 'data:' ? { type: 'data', data: body } : { type: 'error', error: parseServerError(body) });
    return true;
  }

  /** Where `marker` starts in the current segment, or -1 (and the text after is then kept aside). */
  #findEnd(marker: string): number {
    const at = this.#buf.indexOf(marker);
    if (at !== -1) return at;
    this.#checkSize(this.#buf.length);
    this.#awaiting = { marker, chunks: [], length: this.#buf.length, tail: this.#buf.slice(-(marker.length - 1) || this.#buf.length) };
    return -1;
  }

  /** True when `text` was kept aside because the awaited end is still not in it. */
  #stillAwaiting(text: string): boolean {
    const awaiting = this.#awaiting;
    if (!awaiting) {
      this.#buf += text;
      return false;
    }
    awaiting.chunks.push(text);
    awaiting.length += text.length;
    const probe = awaiting.tail + text;
    if (probe.includes(awaiting.marker)) {
      this.#release();
      return false;
    }
    this.#checkSize(awaiting.length);
    awaiting.tail = probe.slice(-(awaiting.marker.length - 1) || probe.length);
    return true;
  }

  /** Joins the text kept aside back onto the buffer, once. */
  #release(): void {
    if (!this.#awaiting) return;
    this.#buf += this.#awaiting.chunks.join('');
    this.#awaiting = null;
  }

  #checkSize(length: number): void {
    if (length > this.#maxChars) throw malformed(`The atServer sent a reply longer than ${this.#maxChars} characters.`);
  }

  #consume(count: number): void {
    this.#buf = this.#buf.slice(count);
    this.#promptAnnounced = false;
  }
}
