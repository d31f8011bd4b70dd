// A request from a frame: the page the person is looking at is not the site
// asking, so both are named.
import { displayHost } from '../shared/origin-display';

export const FRAME_NOTE_ID = 'frame-note';

export function FrameNote({ origin, topOrigin }: { origin: string; topOrigin: string }) {
  return (
    <div id={FRAME_NOTE_ID} class="frame-note">
      <p>
        Asked from a frame inside <strong>{displayHost(topOrigin)}</strong>
      </p>
      <dl class="facts">
        <dt>Asking</dt>
        <dd>{origin}</dd>
        <dt>Page</dt>
        <dd>{topOrigin}</dd>
      </dl>
    </div>
  );
}
