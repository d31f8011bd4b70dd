// Deleting a persona revokes every site that uses it, so it is asked for
// twice, naming the sites that will lose access.
import { FormAlert } from '../shared/form-alert';
import { useFocusOnMount } from '../shared/use-focus-on-mount';
import { useSubmit } from '../shared/use-submit';

interface Props {
  name: string;
  /** origins of the sites that use it; null while not known */
  sites: string[] | null;
  onDelete: () => Promise<void>;
  onCancel: () => void;
}

function SitesNote({ name, sites }: { name: string; sites: string[] | null }) {
  if (sites === null) return null;
  if (sites.length === 0) return <p class="note">No site uses <bdi>{name}</bdi> now.</p>;
  return (
    <div class="note">
      <p>{sites.length === 1 ? '1 site uses it now:' : `${sites.length} sites use it now:`}</p>
      <ul class="site-list">
        {sites.map((origin) => (
          <li key={origin}>{origin}</li>
        ))}
      </ul>
    </div>
  );
}

export function DeleteConfirm({ name, sites, onDelete, onCancel }: Props) {
  const { busy, error, submit } = useSubmit(onDelete);
  const textRef = useFocusOnMount<HTMLParagraphElement>();
  return (
    <div class="inline-form inline-form--danger">
      <p ref={textRef} tabIndex={-1}>
        <strong>
          Delete <bdi>{name}</bdi>?
        </strong>{' '}
        Its fields are deleted, and every site that uses <bdi>{name}</bdi> has its access revoked
        at once. This cannot be undone.
      </p>
      <SitesNote name={name} sites={sites} />
      <FormAlert error={error} />
      <div class="actions">
        <button type="button" class="button button--danger" disabled={busy} onClick={() => void submit()}>
          Delete <bdi>{name}</bdi>
        </button>
        <button type="button" class="button button--secondary" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
