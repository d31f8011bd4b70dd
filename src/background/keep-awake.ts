// Firefox stops an idle event page 30 s after its last extension event or API
// call; traffic on a WebSocket does not count there, as it does for Chromium's
// service worker (Chrome 116+). So in Firefox each exchange with an atServer
// also makes one cheap extension API call, at most once per `everyMs`: the
// wallet stays awake while it is online (unlocked) or waiting for an
// enrollment to be approved, as it does in Chromium, and sleeps once locked.

/** A function to call on each bit of traffic; it calls `touch` at most once per `everyMs`. */
export function keepAwake(touch: () => Promise<unknown>, everyMs = 10_000, now: () => number = () => Date.now()): () => void {
  let last = -Infinity;
  return () => {
    const at = now();
    if (at - last < everyMs) return;
    last = at;
    // Nothing to do if it fails: the worst case is the sleep it was keeping off.
    touch().catch(() => undefined);
  };
}
