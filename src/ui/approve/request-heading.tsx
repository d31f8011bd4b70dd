// Who is asking, at the top of the window: the site's host, large, then its
// scheme and port as separate parts. Keyboard focus starts here once there is
// something to decide, and the warnings under it are read out with it.
import { useEffect, useRef } from 'preact/hooks';
import type { OriginParts } from '../shared/origin-display';

interface Props {
  parts: OriginParts;
  /** what the site asks, after its host: "wants to connect" */
  question: string;
  /** ids of the notes a screen reader should hear with the heading */
  describedBy: string;
  focus: boolean;
}

export function RequestHeading({ parts, question, describedBy, focus }: Props) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <div class="request-heading">
      <h1 ref={ref} tabIndex={-1} aria-describedby={`origin-parts ${describedBy}`.trim()}>
        <span class="request-heading__host">{parts.host}</span> <span class="request-heading__verb">{question}</span>
      </h1>
      <p id="origin-parts" class="origin-parts">
        <span class="origin-parts__scheme">{parts.scheme}</span>
        {parts.port && (
          <>
            {' '}
            <span aria-hidden="true">·</span>{' '}
            <span class="origin-parts__port">port {parts.port}</span>
          </>
        )}
      </p>
    </div>
  );
}
