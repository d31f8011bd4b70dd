// Asking the person. Each request that needs consent waits here, keyed by a
// random id; the approval window gets only that id and asks for the rest.
// One request per origin may wait at a time (a second gets -32002); requests
// from other origins queue and get their window in turn, so none is lost.
import type { ApprovalAnswer, ApprovalView, ConnectView, SignInView } from '@/src/shared/approval';
import { ErrorCode, WalletError } from '@/src/shared/errors';
import type { SessionArea } from '../vault/vault';

export type Approved = Extract<ApprovalAnswer, { approve: true }>;

/** A view before it has an id. */
export type NewView = Omit<ConnectView, 'id'> | Omit<SignInView, 'id'>;

export interface WindowsArea {
  create(options: { url: string; type: 'popup'; width: number; height: number; focused: boolean }): Promise<{ id?: number }>;
  remove(windowId: number): Promise<void>;
}

interface Waiting {
  view: ApprovalView;
  /** set as soon as its window is being opened, so it is never opened twice */
  opening?: boolean;
  windowId?: number;
  settle: (answer: ApprovalAnswer) => void;
}

const SESSION_KEY = 'approvalWindows';

export class Approvals {
  private readonly waiting = new Map<string, Waiting>();
  private readonly order: string[] = [];

  constructor(
    private readonly windows: WindowsArea,
    private readonly session: SessionArea,
    private readonly pageUrl: (id: string) => string,
  ) {}

  /**
   * Resolves with the person's approval; rejects 4001 if they say no or close
   * the window. `gate` may refuse the request before any window opens; the
   * request counts as this site's waiting one from the start, so requests
   * that arrive meanwhile still get -32002.
   */
  async ask(view: NewView, gate?: () => Promise<void>): Promise<Approved> {
    for (const w of this.waiting.values()) {
      if (w.view.origin === view.origin)
        throw new WalletError(ErrorCode.RequestPending, 'A request from this site is already waiting for the person.');
    }
    const id = crypto.randomUUID();
    const answer = new Promise<ApprovalAnswer>((settle) => {
      this.waiting.set(id, { view: { ...view, id } as ApprovalView, settle });
    });
    if (gate) {
      try {
        await gate();
      } catch (error) {
        this.waiting.delete(id);
        throw error;
      }
    }
    this.order.push(id);
    if (this.order.length === 1) {
      await this.open(id).catch((error: unknown) => {
        this.waiting.delete(id);
        this.order.splice(this.order.indexOf(id), 1);
        throw error;
      });
    }
    const given = await answer;
    if (!given.approve) throw new WalletError(ErrorCode.UserRejected, 'The person rejected the request.');
    return given;
  }

  view(id: string): ApprovalView {
    const waiting = this.waiting.get(id);
    if (!waiting) throw new WalletError(ErrorCode.InvalidParams, 'This request is no longer waiting.', { reason: 'gone' });
    return waiting.view;
  }

  /** Settles a request with the person's answer and moves on to the next one. */
  async answer(id: string, answer: ApprovalAnswer): Promise<void> {
    const waiting = this.waiting.get(id);
    if (!waiting) throw new WalletError(ErrorCode.InvalidParams, 'This request is no longer waiting.', { reason: 'gone' });
    this.waiting.delete(id);
    this.order.splice(this.order.indexOf(id), 1);
    waiting.settle(answer);
    if (waiting.windowId !== undefined) {
      await this.forgetWindow(waiting.windowId);
      await this.windows.remove(waiting.windowId).catch(() => undefined);
    }
    const next = this.order[0];
    if (next !== undefined) await this.open(next);
  }

  /** The person closed a window: its request is rejected (4001). */
  async windowClosed(windowId: number): Promise<void> {
    for (const [id, waiting] of this.waiting) {
      if (waiting.windowId === windowId) await this.answer(id, { approve: false });
    }
  }

  /**
   * After a restart of the background, windows of requests it no longer holds
   * answer nothing: close them (each site has already been told it failed).
   */
  async closeStale(): Promise<void> {
    const stale = ((await this.session.get(SESSION_KEY))[SESSION_KEY] as number[] | undefined) ?? [];
    await this.session.set({ [SESSION_KEY]: [] });
    await Promise.all(stale.map((windowId) => this.windows.remove(windowId).catch(() => undefined)));
  }

  private async open(id: string): Promise<void> {
    const waiting = this.waiting.get(id);
    // A request that arrives while the last window is closing may be opened
    // from ask() and from answer() at once: only the first opens a window.
    if (!waiting || waiting.opening) return;
    waiting.opening = true;
    const created = await this.windows.create({ url: this.pageUrl(id), type: 'popup', width: 440, height: 700, focused: true });
    waiting.windowId = created.id;
    if (created.id !== undefined) {
      const open = ((await this.session.get(SESSION_KEY))[SESSION_KEY] as number[] | undefined) ?? [];
      await this.session.set({ [SESSION_KEY]: [...open, created.id] });
    }
  }

  private async forgetWindow(windowId: number): Promise<void> {
    const open = ((await this.session.get(SESSION_KEY))[SESSION_KEY] as number[] | undefined) ?? [];
    await this.session.set({ [SESSION_KEY]: open.filter((w) => w !== windowId) });
  }
}
