import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// End-to-end tests: real browsers with the built extension. One file at a
// time — each launches browsers, and the machines have two cores.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    // The local atPlatform the demo site confirms sign-ins on, for the whole run.
    globalSetup: ['tests/e2e/harness/atplatform-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
