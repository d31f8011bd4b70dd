// Which frames of which origin have a page using the wallet, so an event for
// an origin reaches every open tab of it — and no frame of any other origin.
// Kept in storage.session so a service-worker restart does not forget them.
import type { SessionArea } from '../vault/vault';

export interface Frame {
  tabId: number;
  frameId: number;
}
type Registry = Record<string, Frame[]>;

const KEY = 'frames';
const MAX_FRAMES_PER_ORIGIN = 200;

export class FrameRegistry {
  private registry: Promise<Registry> | null = null;

  constructor(private readonly session: SessionArea) {}

  private load(): Promise<Registry> {
    this.registry ??= this.session.get(KEY).then((items) => (items[KEY] as Registry | undefined) ?? {});
    return this.registry;
  }

  private async save(registry: Registry): Promise<void> {
    await this.session.set({ [KEY]: registry });
  }

  async remember(origin: string, frame: Frame): Promise<void> {
    const registry = await this.load();
    const frames = (registry[origin] ??= []);
    if (frames.some((f) => f.tabId === frame.tabId && f.frameId === frame.frameId)) return;
    frames.push(frame);
    if (frames.length > MAX_FRAMES_PER_ORIGIN) frames.shift();
    await this.save(registry);
  }

  async framesOf(origin: string): Promise<Frame[]> {
    return [...((await this.load())[origin] ?? [])];
  }

  async forget(origin: string, frame: Frame): Promise<void> {
    const registry = await this.load();
    registry[origin] = (registry[origin] ?? []).filter((f) => f.tabId !== frame.tabId || f.frameId !== frame.frameId);
    await this.save(registry);
  }
}
