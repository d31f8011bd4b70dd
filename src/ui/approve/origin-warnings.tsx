// Reasons to look twice at who is asking (DESIGN §5): a name in international
// letters that may imitate another site, or a connection anyone could read.
import type { OriginParts } from '../shared/origin-display';

export const ORIGIN_WARNINGS_ID = 'origin-warnings';

export function OriginWarnings({ parts }: { parts: OriginParts }) {
  if (!parts.lookAlike && !parts.insecure) return null;
  return (
    <div id={ORIGIN_WARNINGS_ID} class="origin-warnings">
      {parts.lookAlike && (
        <p class="warning">
          This address uses international characters. Check it is the site you expect:{' '}
          <code class="warning__ascii">{parts.asciiHost ?? parts.host}</code>
        </p>
      )}
      {parts.insecure && <p class="warning">This site does not use a secure connection.</p>}
    </div>
  );
}
