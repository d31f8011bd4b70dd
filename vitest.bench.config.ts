import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Benchmarks (npm run bench): real Chromium with the built extension, taking
// figures rather than asserting times. One file at a time, so no two browsers
// compete for the machine's two cores while either is being timed.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['bench/**/*.bench.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
    reporters: ['default', './bench/report.ts'],
  },
});
