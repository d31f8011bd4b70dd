// The persona's picture: choose a file, see it small, or remove it. The file
// is resized here and only the small data: URL is kept.
import { useRef, useState } from 'preact/hooks';
import { describedBy, FieldMessage } from './field-message';
import { MAX_PICTURE_SIDE, PICTURE_TYPES, resizePicture } from './resize-picture';

interface Props {
  id: string;
  personaName: string;
  value: string;
  /** what is wrong with the stored value, if anything */
  message: string | null;
  onChange: (value: string) => void;
}

const HINT = `PNG, JPEG or WebP. It is made ${MAX_PICTURE_SIDE} pixels or smaller, so it stays light.`;

export function PictureField({ id, personaName, value, message, onChange }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const shown = problem ?? message;

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      onChange(await resizePicture(file));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const remove = () => {
    onChange('');
    setProblem(null);
    if (inputRef.current) {
      inputRef.current.value = '';
      inputRef.current.focus();
    }
  };

  return (
    <div class="picture-field">
      <div class="picture-field__preview">
        {/* Only pictures held in the wallet are shown: an https one would tell its server this page was opened. */}
        {value.startsWith('data:image/') ? (
          <img src={value} alt={`Picture of ${personaName}`} />
        ) : (
          <span class="picture-field__none">{value ? 'Picture on the web' : 'No picture'}</span>
        )}
      </div>
      <div class="field">
        <label for={id}>Picture</label>
        <input
          id={id}
          ref={inputRef}
          class="file-input"
          type="file"
          accept={PICTURE_TYPES.join(',')}
          disabled={busy}
          aria-invalid={shown ? true : undefined}
          aria-describedby={describedBy(id, true, shown)}
          onChange={(event) => void choose(event.currentTarget.files?.[0])}
        />
        {value && !value.startsWith('data:') && <p class="picture-field__url">{value}</p>}
        <FieldMessage id={id} hint={HINT} message={shown} />
        {busy && <p class="field__hint">Resizing the picture…</p>}
        {value && (
          <div class="actions">
            <button type="button" class="button button--secondary button--small" onClick={remove}>
              Remove picture
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
