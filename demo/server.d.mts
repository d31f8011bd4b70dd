export declare const SECURITY_HEADERS: Readonly<Record<string, string>>;

/** Serves `root` on http://127.0.0.1:`port` (0 picks a free port). */
export declare function startDemoServer(options: { port?: number; root: string }): Promise<{
  /** Base URL, ending in '/'. */
  url: string;
  close(): Promise<void>;
}>;
