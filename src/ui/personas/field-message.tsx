// The hint and the inline message under one input, with the ids its
// aria-describedby names, so screen readers hear them with the label.
export function describedBy(id: string, hint: boolean, message: string | null): string | undefined {
  return [hint ? `${id}-hint` : '', message ? `${id}-message` : ''].filter(Boolean).join(' ') || undefined;
}

export function FieldMessage({ id, hint, message }: { id: string; hint?: string; message: string | null }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} class="field__hint">
          {hint}
        </p>
      )}
      {message && (
        <p id={`${id}-message`} class="field__message">
          {message}
        </p>
      )}
    </>
  );
}
