// The editor of one persona. It renders the draft it is handed and reports
// every keystroke back; it checks each field with the rules the background
// uses, shows a field's message once the person leaves it, and refuses to
// save while any problem is left.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Persona } from '../../shared/persona';
import type { StandardField } from '../../shared/profile-fields';
import { FormAlert } from '../shared/form-alert';
import { FormStatus } from '../shared/form-status';
import { useSubmit } from '../shared/use-submit';
import { ADD_CUSTOM_ID, CustomFields } from './custom-fields';
import { DeleteConfirm } from './delete-confirm';
import type { Draft, SaveParams } from './draft';
import { customKey, draftProblems, inputId, NAME_KEY, newCustomRow, problemLabel, toSaveParams, visibleProblems } from './draft';
import { FIELD_GROUPS } from './field-kinds';
import { describedBy, FieldMessage } from './field-message';
import { StandardFields } from './standard-fields';

interface Props {
  persona: Persona;
  draft: Draft;
  otherNames: string[];
  dirty: boolean;
  /** origins of the sites that use this persona; null while not known */
  sites: string[] | null;
  focusOnOpen: boolean;
  onDraft: (draft: Draft) => void;
  onSave: (params: SaveParams) => Promise<void>;
  onDiscard: () => void;
  onDelete: () => Promise<void>;
}

const DELETE_ID = 'persona-delete';
const NAME_HINT = 'Sites you connect with this persona see its name too.';

/** Problem keys in the order their inputs appear. */
const screenOrder = (draft: Draft) => [
  NAME_KEY,
  ...FIELD_GROUPS.flatMap((group) => group.fields),
  ...draft.custom.flatMap((row) => [customKey(row, 'label'), customKey(row, 'value')]),
];

export function PersonaEditor(props: Props) {
  const { persona, draft, otherNames, dirty, onDraft } = props;
  const { busy, error, submit, clear } = useSubmit(props.onSave);
  const [saved, setSaved] = useState(false);
  const [refused, setRefused] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [focusId, setFocusId] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Layout effects, so focus has moved before the person (or a test) can type:
  // a later move would take their keystrokes away.
  useLayoutEffect(() => {
    if (props.focusOnOpen) headingRef.current?.focus();
    // Only when this persona is opened, not on every render.
  }, []);

  // Focus moves once the element it goes to has been rendered.
  useLayoutEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  const problems = draftProblems(draft, otherNames);
  const messages = visibleProblems(draft, problems);
  const problemKeys = screenOrder(draft).filter((key) => problems[key]);
  const summary = [...new Set(problemKeys.map((key) => problemLabel(key, draft)))].join(', ');
  const alert = refused && problemKeys.length ? { message: `Nothing was saved. Check ${summary}.`, retryAt: null } : error;

  const change = (next: Draft) => {
    setSaved(false);
    onDraft(next);
  };
  const leave = (key: string, patch: Partial<Draft> = {}) =>
    onDraft({ ...draft, ...patch, shown: { ...draft.shown, [key]: true } });

  const setField = (field: StandardField, value: string, unreadable: boolean) =>
    change({ ...draft, fields: { ...draft.fields, [field]: value }, unreadable: { ...draft.unreadable, [field]: unreadable } });
  // Spaces at either end are never meant: they go when the person leaves the field.
  const leaveField = (field: StandardField, unreadable: boolean) => {
    const value = draft.fields[field] ?? '';
    leave(field, {
      fields: value.trim() === value ? draft.fields : { ...draft.fields, [field]: value.trim() },
      unreadable: { ...draft.unreadable, [field]: unreadable },
    });
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    if (problemKeys.length) {
      setRefused(true);
      clear();
      onDraft({ ...draft, tried: true });
      setFocusId(inputId(problemKeys[0]!));
      return;
    }
    setRefused(false);
    if (await submit(toSaveParams(draft))) setSaved(true);
  };

  const addCustom = () => {
    const row = newCustomRow();
    change({ ...draft, custom: [...draft.custom, row] });
    setFocusId(inputId(customKey(row, 'label')));
  };
  const removeCustom = (key: string) => {
    change({ ...draft, custom: draft.custom.filter((row) => row.key !== key) });
    setFocusId(ADD_CUSTOM_ID);
  };

  const nameMessage = messages[NAME_KEY] ?? null;
  return (
    <section class="editor" aria-labelledby="editor-heading">
      <form class="card editor__form" aria-labelledby="editor-heading" onSubmit={onSubmit} noValidate>
        <h3 id="editor-heading" ref={headingRef} tabIndex={-1}>
          Edit <bdi>{persona.name}</bdi>
        </h3>
        <div class="field">
          <label for={NAME_KEY}>Persona name</label>
          <input
            id={NAME_KEY}
            class="input"
            type="text"
            value={draft.name}
            autocomplete="off"
            aria-invalid={nameMessage ? true : undefined}
            aria-describedby={describedBy(NAME_KEY, true, nameMessage)}
            onInput={(event) => change({ ...draft, name: event.currentTarget.value })}
            onBlur={() => leave(NAME_KEY)}
          />
          <FieldMessage id={NAME_KEY} hint={NAME_HINT} message={nameMessage} />
        </div>
        <StandardFields draft={draft} personaName={persona.name} messages={messages} onInput={setField} onBlur={leaveField} />
        <CustomFields
          rows={draft.custom}
          messages={messages}
          onChange={(custom) => change({ ...draft, custom })}
          onBlur={(key) => leave(key)}
          onAdd={addCustom}
          onRemove={removeCustom}
        />
        <FormAlert error={alert} />
        <div class="actions editor__actions">
          <button type="submit" class="button" disabled={busy}>
            Save
          </button>
          {dirty && (
            <button
              type="button"
              class="button button--secondary"
              disabled={busy}
              onClick={() => {
                setRefused(false);
                clear();
                props.onDiscard();
              }}
            >
              Discard changes
            </button>
          )}
          {dirty && <span class="editor__unsaved">Unsaved changes</span>}
        </div>
        <FormStatus>{busy ? 'Saving…' : saved ? 'Saved' : ''}</FormStatus>
      </form>
      <div class="editor__danger">
        {deleting ? (
          <DeleteConfirm
            name={persona.name}
            sites={props.sites}
            onDelete={props.onDelete}
            onCancel={() => {
              setDeleting(false);
              setFocusId(DELETE_ID);
            }}
          />
        ) : (
          <button type="button" id={DELETE_ID} class="button button--secondary" onClick={() => setDeleting(true)}>
            Delete persona
          </button>
        )}
      </div>
    </section>
  );
}
