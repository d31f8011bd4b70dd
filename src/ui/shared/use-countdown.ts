// Whole seconds left until a moment, re-rendering as they pass; 0 once it has.
import { useEffect, useState } from 'preact/hooks';

export function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return undefined;
    const tick = () => {
      setNow(Date.now());
      if (Date.now() >= until) window.clearInterval(timer);
    };
    const timer = window.setInterval(tick, 250);
    tick();
    return () => window.clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}
