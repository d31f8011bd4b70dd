// Events to sites (DESIGN §3): grantChanged, profileChanged, revoked. Each is
// addressed to one origin and sent only to the frames that origin opened; the
// relay in each frame checks the origin again before passing it on.
import { NS, type WalletEvent } from '@/src/shared/protocol';
import type { Frame, FrameRegistry } from './frames';

export type SiteEventName = 'grantChanged' | 'profileChanged' | 'revoked';

export type SendToFrame = (tabId: number, message: WalletEvent, frameId: number) => Promise<unknown>;

export class SiteEvents {
  constructor(
    private readonly frames: FrameRegistry,
    private readonly send: SendToFrame,
  ) {}

  async emit(origin: string, name: SiteEventName, data: unknown): Promise<void> {
    const message: WalletEvent = { ns: NS, kind: 'event', origin, name, data };
    const frames = await this.frames.framesOf(origin);
    await Promise.all(
      frames.map((frame: Frame) =>
        // A closed tab or a frame that navigated away: stop writing to it.
        Promise.resolve()
          .then(() => this.send(frame.tabId, message, frame.frameId))
          .catch(() => this.frames.forget(origin, frame)),
      ),
    );
  }
}
