// The listener half of an AtTransport, shared by every transport: the server
// writes its `@` prompt the moment a connection opens, often before anyone has
// called onText, so whatever arrives early is held and handed to the first
// listener; a close that happened early is replayed the same way.

export class TransportEvents {
  #held: string[] = [];
  #textListeners: Array<(text: string) => void> = [];
  #closeListeners: Array<(error?: Error) => void> = [];
  #closed: { error?: Error } | null = null;
  /** Held text is being handed over; text arriving meanwhile queues behind it, keeping order. */
  #replaying = false;

  get closed(): boolean {
    return this.#closed !== null;
  }

  /** The transport received text. Ignored once closed. */
  text(text: string): void {
    if (this.#closed || text === '') return;
    if (this.#textListeners.length === 0 || this.#replaying) this.#held.push(text);
    else for (const listener of this.#textListeners) listener(text);
  }

  /** The connection ended; only the first call counts. */
  close(error?: Error): void {
    if (this.#closed) return;
    this.#closed = error ? { error } : {};
    for (const listener of this.#closeListeners) listener(error);
    this.#closeListeners = [];
    this.#textListeners = [];
  }

  /** Held text is delivered even after a close: a server's last words ("error:…") come before it hangs up. */
  onText(listener: (text: string) => void): void {
    this.#replaying = true;
    try {
      for (let text = this.#held.shift(); text !== undefined; text = this.#held.shift()) listener(text);
    } finally {
      this.#replaying = false;
    }
    if (!this.#closed) this.#textListeners.push(listener);
  }

  onClose(listener: (error?: Error) => void): void {
    if (this.#closed) listener(this.#closed.error);
    else this.#closeListeners.push(listener);
  }
}
