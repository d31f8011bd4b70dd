// A tiny stand-in for the atServer's core, following AtServerCore's session
// contract, so the doors are tested apart from the protocol: it greets with
// `@`, answers each whole line with `data:<line>\n@` in one write, closes on
// `bye`, throws on `boom`, and serves a few public values.
export interface FakeCore {
  atSign: string;
  /** Every line received, in order, across sessions. */
  lines: string[];
  /** Remote addresses sessions were opened with. */
  remotes: Array<string | undefined>;
  opened: number;
  ended: number;
  /** The remote address of each session that has ended. */
  endedRemotes: Array<string | undefined>;
  openSession(io: { write(text: string): void; close(): void; remote?: string }): { receive(text: string): void; end(): void };
  publicLookup(name: string): { value: string | null; metadata: Record<string, unknown> } | null;
  publicData: Map<string, { value: string | null; metadata: Record<string, unknown> }>;
}

export function createFakeCore(atSign: string): FakeCore {
  const core: FakeCore = {
    atSign,
    lines: [],
    remotes: [],
    opened: 0,
    ended: 0,
    endedRemotes: [],
    publicData: new Map(),
    openSession(io) {
      core.opened += 1;
      core.remotes.push(io.remote);
      io.write('@');
      let buffer = '';
      return {
        receive(text) {
          buffer += text;
          for (let at = buffer.indexOf('\n'); at !== -1; at = buffer.indexOf('\n')) {
            const line = buffer.slice(0, at).trim();
            buffer = buffer.slice(at + 1);
            core.lines.push(line);
            if (line === 'boom') throw new Error('the fake core was told to fail');
            io.write(`data:${line}\n@`);
            if (line === 'bye') io.close();
          }
        },
        end() {
          core.ended += 1;
          core.endedRemotes.push(io.remote);
        },
      };
    },
    publicLookup(name) {
      return core.publicData.get(name) ?? null;
    },
  };
  return core;
}
