// A new passphrase typed twice: the values, what is wrong with them, and when
// to say so — once the person has left a field, or tried to submit.
import { useState } from 'preact/hooks';
import { PASSPHRASE_MIN_LENGTH } from '../../shared/wallet-state';

export const TOO_SHORT = `Use at least ${PASSPHRASE_MIN_LENGTH} characters.`;
export const NOT_SAME = 'The two passphrases are not the same.';

export function newPassphraseProblems(first: string, second: string) {
  return {
    first: first.length < PASSPHRASE_MIN_LENGTH ? TOO_SHORT : null,
    second: first !== second ? NOT_SAME : null,
  };
}

export interface NewPassphrase {
  first: string;
  second: string;
  setFirst: (value: string) => void;
  setSecond: (value: string) => void;
  firstMessage: string | null;
  secondMessage: string | null;
  blurFirst: () => void;
  blurSecond: () => void;
}

export function useNewPassphrase() {
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [shown, setShown] = useState({ first: false, second: false });
  const problems = newPassphraseProblems(first, second);

  const fields: NewPassphrase = {
    first,
    second,
    setFirst,
    setSecond,
    firstMessage: shown.first ? problems.first : null,
    secondMessage: shown.second ? problems.second : null,
    blurFirst: () => first && setShown((s) => ({ ...s, first: true })),
    blurSecond: () => second && setShown((s) => ({ ...s, second: true })),
  };
  return {
    fields,
    value: first,
    /** shows every message; true when there is none */
    check: () => {
      setShown({ first: true, second: true });
      return !problems.first && !problems.second;
    },
    reset: () => {
      setFirst('');
      setSecond('');
      setShown({ first: false, second: false });
    },
  };
}
