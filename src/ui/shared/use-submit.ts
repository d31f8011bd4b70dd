// The life of one form's action: busy while it runs, the error it ended with,
// and the seconds to wait when the wallet asked for a pause. Forms get their
// action as a prop; this hook only tracks how it went.
import { useRef, useState } from 'preact/hooks';
import { toFormError, type FormError } from './form-error';
import { useCountdown } from './use-countdown';

export interface Submission<A extends unknown[]> {
  busy: boolean;
  error: FormError | null;
  /** seconds before the wallet accepts another try; 0 when it does */
  waitSeconds: number;
  /** runs the action once at a time; true when it succeeded */
  submit: (...args: A) => Promise<boolean>;
  /** shows a problem found before anything was sent */
  fail: (error: unknown) => void;
  clear: () => void;
}

export function useSubmit<A extends unknown[]>(action: (...args: A) => Promise<unknown>): Submission<A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const running = useRef(false);
  const waitSeconds = useCountdown(error?.retryAt ?? null);

  const submit = async (...args: A): Promise<boolean> => {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      await action(...args);
      return true;
    } catch (caught) {
      setError(toFormError(caught));
      return false;
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  return { busy, error, waitSeconds, submit, fail: (e) => setError(toFormError(e)), clear: () => setError(null) };
}
