// What a site can see, one chip per field, each with its own way to take
// that field back. Taking the last one back ends the site's access.
interface Props {
  origin: string;
  fields: readonly { name: string; label: string }[];
  onRemove: (field: string) => void;
}

export function GrantFields({ origin, fields, onRemove }: Props) {
  if (fields.length === 0) return <>Only your atSign</>;
  return (
    <>
      <ul class="chips">
        {fields.map(({ name, label }) => (
          <li key={name} class="chip chip--removable">
            <span title={name}>{label}</span>
            <button
              type="button"
              class="chip__remove"
              aria-label={`Remove ${label} from ${origin}`}
              title={`Stop sharing ${label}`}
              onClick={() => onRemove(name)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      {fields.length === 1 && <p class="grant__note">Removing the last one ends this site’s access.</p>}
    </>
  );
}
