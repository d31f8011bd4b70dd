export declare const DEFAULT_DEMO_OUT: string;

/** Builds the demo into `outDir` (default .output/demo) and returns that folder. */
export declare function buildDemo(options?: { outDir?: string }): Promise<string>;
