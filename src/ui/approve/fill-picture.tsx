// A picture chosen right in the window, made small the way the persona
// editor makes it, and shown before it is shared.
import { useState } from 'preact/hooks';
import { PICTURE_TYPES, resizePicture } from '../personas/resize-picture';
import { ValuePreview } from './value-preview';

interface Props {
  label: string;
  value: string;
  onInput: (value: string) => void;
}

export function FillPicture({ label, value, onInput }: Props) {
  const [message, setMessage] = useState<string | null>(null);
  const id = 'fill-picture';

  const onChange = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    setMessage(null);
    if (!file) return onInput('');
    try {
      onInput(await resizePicture(file));
    } catch (error) {
      onInput('');
      setMessage(error instanceof Error ? error.message : 'This picture could not be used.');
    }
  };

  return (
    <div class="field fill">
      <label for={id}>
        Fill in <bdi>{label}</bdi>
      </label>
      <input
        id={id}
        class="file-input"
        type="file"
        accept={PICTURE_TYPES.join(',')}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-message` : undefined}
        onChange={(event) => void onChange(event)}
      />
      {value && <ValuePreview id={`${id}-preview`} name="picture" value={value} />}
      {message && (
        <p id={`${id}-message`} class="field__message">
          {message}
        </p>
      )}
    </div>
  );
}
