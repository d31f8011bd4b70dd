// The Sites tab: every site the person has let see something, a search by
// address, and at most a page of rows at a time. It renders what it is given;
// it keeps only the search, how many rows show, and where focus goes when the
// row that had it goes away.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SiteAccess } from '../../shared/grant';
import type { Persona } from '../../shared/persona';
import { FormStatus } from '../shared/form-status';
import { displayHost } from '../shared/origin-display';
import type { Loadable } from '../shared/use-call';
import { isolate } from '../shared/words';
import { countOf, fieldLabel } from './format';
import { GrantItem } from './grant-item';
import { ListStatus } from './list-status';
import type { SiteActions } from './use-sites';

// A popup shows two or three rows at once; a page of twenty keeps the first paint small.
export const SITES_PAGE_SIZE = 20;

/**
 * A performance mark set when the list of sites is first in the page, before
 * the browser paints it (npm run bench reads it). Not after paint: a popup
 * with no screen (headless) gets frames late, and that is not the wallet's time.
 */
export const SITES_SHOWN_MARK = 'atsign-wallet:sites-shown';

interface Props {
  grants: Loadable<SiteAccess[]>;
  personasOf: (atSign: string) => Loadable<Persona[]>;
  now: number;
  onRetry: () => void;
  actions: SiteActions;
}

export function SitesSection({ grants, personasOf, now, onRetry, actions }: Props) {
  return (
    <section class="section" aria-labelledby="sites-heading" aria-busy={grants.status === 'loading'}>
      <h2 id="sites-heading" class="visually-hidden">
        Sites
      </h2>
      {grants.status === 'ready' ? (
        <SiteList grants={grants.value} personasOf={personasOf} now={now} actions={actions} />
      ) : (
        <ListStatus state={grants} loading="Loading your sites…" failed="Your sites could not be loaded." onRetry={onRetry} />
      )}
    </section>
  );
}

type ListProps = Omit<Props, 'grants' | 'onRetry'> & { grants: SiteAccess[] };

function matches(grant: SiteAccess, needle: string): boolean {
  return grant.origin.toLowerCase().includes(needle) || displayHost(grant.origin).toLowerCase().includes(needle);
}

function SiteList({ grants, personasOf, now, actions }: ListProps) {
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(SITES_PAGE_SIZE);
  const [said, setSaid] = useState('');
  // Origins to try focusing after the next render, first present wins.
  const [focusNext, setFocusNext] = useState<string[] | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const emptyRef = useRef<HTMLParagraphElement>(null);

  useLayoutEffect(() => {
    if (performance.getEntriesByName(SITES_SHOWN_MARK).length === 0) performance.mark(SITES_SHOWN_MARK);
  }, []);

  const needle = query.trim().toLowerCase();
  const found = useMemo(() => (needle ? grants.filter((g) => matches(g, needle)) : grants), [grants, needle]);
  const page = found.slice(0, shown);

  useEffect(() => {
    if (!focusNext) return;
    setFocusNext(null);
    const headings = [...(listRef.current?.querySelectorAll<HTMLElement>('.grant__origin') ?? [])];
    const target = focusNext.map((o) => headings.find((h) => h.dataset.origin === o)).find(Boolean);
    (target ?? searchRef.current ?? emptyRef.current)?.focus();
  }, [focusNext]);

  if (grants.length === 0) {
    return (
      <p class="status empty" ref={emptyRef} tabIndex={-1}>
        No site can see anything about you yet. When a site asks to connect, you choose what it may see.
      </p>
    );
  }

  // The rows beside one, to carry focus there when that one goes away.
  const neighbours = (origin: string) => {
    const at = page.findIndex((g) => g.origin === origin);
    return [page[at + 1]?.origin, page[at - 1]?.origin].filter((o): o is string => o !== undefined);
  };

  const labelOf = (grant: SiteAccess, field: string) => {
    const personas = personasOf(grant.atSign);
    const persona = personas.status === 'ready' ? personas.value.find((p) => p.id === grant.personaId) : undefined;
    return fieldLabel(field, persona?.labels);
  };

  const handlersFor = (grant: SiteAccess) => ({
    onRevoke: async () => {
      const next = neighbours(grant.origin);
      await actions.revoke(grant.origin);
      setSaid(`${grant.origin} can no longer see anything about you.`);
      setFocusNext(next);
    },
    onRemoveField: async (field: string) => {
      const next = [grant.origin, ...neighbours(grant.origin)];
      await actions.removeField(grant.origin, field);
      setSaid(`${grant.origin} can no longer see ${isolate(labelOf(grant, field))}.`);
      setFocusNext(next);
    },
    onPersona: (personaId: string) => actions.setPersona(grant.origin, personaId),
    onDuration: (duration: Parameters<SiteActions['setDuration']>[1]) => actions.setDuration(grant.origin, duration),
  });

  const clearSearch = () => {
    setQuery('');
    searchRef.current?.focus();
  };

  const showMore = () => {
    const firstNew = found[shown]?.origin;
    setShown(shown + SITES_PAGE_SIZE);
    if (firstNew) setFocusNext([firstNew]);
  };

  return (
    <>
      <div class="search">
        <label for="site-search" class="visually-hidden">
          Search sites
        </label>
        <input
          id="site-search"
          ref={searchRef}
          class="input"
          type="search"
          placeholder="Search sites"
          autocomplete="off"
          spellcheck={false}
          value={query}
          onInput={(event) => {
            setQuery(event.currentTarget.value);
            setShown(SITES_PAGE_SIZE);
          }}
        />
      </div>
      <p class="list-count" aria-live="polite">
        {needle ? `${countOf(found.length, 'site', 'sites')} of ${grants.length.toLocaleString('en')} match` : countOf(grants.length, 'site', 'sites')}
      </p>
      {found.length === 0 ? (
        <div class="status empty">
          <p>No site’s address contains “{query.trim()}”. Check the spelling, or search for part of the name.</p>
          <button type="button" class="link-button" onClick={clearSearch}>
            Clear the search
          </button>
        </div>
      ) : (
        <ul class="grants" ref={listRef}>
          {page.map((grant) => (
            <GrantItem key={grant.id} grant={grant} now={now} personas={personasOf(grant.atSign)} {...handlersFor(grant)} />
          ))}
        </ul>
      )}
      {found.length > page.length && (
        <div class="more">
          <p class="muted" id="sites-shown">
            Showing {page.length.toLocaleString('en')} of {found.length.toLocaleString('en')}
          </p>
          <button type="button" class="button button--secondary button--small" aria-describedby="sites-shown" onClick={showMore}>
            Show more
          </button>
        </div>
      )}
      <FormStatus>{said}</FormStatus>
    </>
  );
}
