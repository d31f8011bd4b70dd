// Every budget the wallet must stay within, in one place. `npm run bench --
// --check` fails when a measured figure is over its budget; a figure that is
// not yet measurable is skipped, never faked.

const KB = 1024;

/** Upper bounds, keyed by the results.json figure they limit. */
export const BUDGETS: Record<string, number> = {
  // Issue #17: every page a person opens pays for each byte of the provider.
  inpage_gzip_bytes: 1_000,
  content_gzip_bytes: 6 * KB,
  rpc_vs_floor_p50: 1.5,
  read_profile_vs_floor_p50: 1.5,
  // Signing (and logging) is real work on top of the trip: a kept sign-in gets more room, not unlimited.
  signin_kept_vs_floor_p50: 3,
  page_load_overhead_ms: 5,
  unlock_ms: 1_000,
  popup_render_ms_1k_10k: 150,
};

/** OWASP's 2023 floor for PBKDF2-HMAC-SHA256: unlock must be timed at no less. */
export const MIN_PBKDF2_ITERATIONS = 600_000;
