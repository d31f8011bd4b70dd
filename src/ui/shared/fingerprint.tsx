// A key fingerprint, in groups of four for reading aloud and comparing. The
// whole hex stays on the element as a data attribute, for copying and tests.
import { groupHex } from './words';

export function Fingerprint({ hex, kind }: { hex: string; kind: 'encryption' | 'pkam' }) {
  const data = kind === 'encryption' ? { 'data-fingerprint': hex } : { 'data-pkam-fingerprint': hex };
  return (
    <code class="fingerprint" {...data}>
      {groupHex(hex)}
    </code>
  );
}
