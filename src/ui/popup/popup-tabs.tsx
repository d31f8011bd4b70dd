// The popup's places — Sites, Activity, Personas — as a WAI-ARIA tablist:
// one tab stop; the arrow keys, Home and End move between the tabs and show
// each at once. A panel stays mounted while hidden, so it keeps its search,
// filters and place when the person comes back to it.
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabDef<K extends string> {
  key: K;
  label: string;
}

interface TabsProps<K extends string> {
  tabs: readonly TabDef<K>[];
  selected: K;
  onSelect: (key: K) => void;
  label: string;
}

const tabId = (key: string) => `tab-${key}`;
const panelId = (key: string) => `panel-${key}`;

export function PopupTabs<K extends string>({ tabs, selected, onSelect, label }: TabsProps<K>) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent) => {
    const at = buttons.current.findIndex((button) => button === event.target);
    if (at < 0) return;
    const last = tabs.length - 1;
    const next = { ArrowRight: at === last ? 0 : at + 1, ArrowLeft: at === 0 ? last : at - 1, Home: 0, End: last }[
      event.key
    ];
    if (next === undefined) return;
    event.preventDefault();
    onSelect(tabs[next]!.key);
    buttons.current[next]?.focus();
  };

  return (
    <div role="tablist" aria-label={label} class="tabs" onKeyDown={onKeyDown}>
      {tabs.map((tab, index) => (
        <button
          key={tab.key}
          ref={(element) => void (buttons.current[index] = element)}
          type="button"
          role="tab"
          id={tabId(tab.key)}
          class="tab"
          aria-selected={tab.key === selected}
          aria-controls={panelId(tab.key)}
          tabIndex={tab.key === selected ? 0 : -1}
          onClick={() => onSelect(tab.key)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

export function TabPanel({ tabKey, selected, children }: { tabKey: string; selected: boolean; children: ComponentChildren }) {
  // tabIndex 0: a panel whose content has no control yet (an empty list) is still reachable.
  return (
    <div role="tabpanel" id={panelId(tabKey)} aria-labelledby={tabId(tabKey)} class="tab-panel" hidden={!selected} tabIndex={0}>
      {children}
    </div>
  );
}
