// The open requests as tabs: each with its name, a dot for unsaved edits and a spinner while it sends.
import { isMac } from '../platform';
import { isDirty, type Tab } from './workspace';

interface Props {
  tabs: Tab[];
  activeId: string;
  onActivate(id: string): void;
  onClose(id: string): void;
  onNew(): void;
}

/** What a tab is called: its preset's name, or for a new request its method and URL. */
function tabTitle(tab: Tab): string {
  if (tab.preset) return tab.preset.name;
  const url = tab.draft.url.replace(/^https?:\/\//, '');
  return url ? `${tab.draft.method} ${url}` : 'Untitled request';
}

export function RequestTabs({ tabs, activeId, onActivate, onClose, onNew }: Props) {
  const mod = isMac ? '⌘' : 'Ctrl+';
  return (
    <div className="request-tabs" role="tablist" aria-label="Open requests">
      {tabs.map((tab) => {
        const dirty = isDirty(tab);
        return (
          <div key={tab.id} className={`request-tab${tab.id === activeId ? ' active' : ''}`} data-testid="tab" data-dirty={dirty} role="presentation">
            <button
              type="button"
              role="tab"
              aria-selected={tab.id === activeId}
              className="request-tab-title"
              title={tabTitle(tab)}
              onClick={() => onActivate(tab.id)}
              onAuxClick={(event) => event.button === 1 && onClose(tab.id)}
            >
              {tab.inFlight && <span className="spinner" aria-label="Sending" />}
              {tabTitle(tab)}
              {dirty && <span className="tab-dirty" aria-label="Unsaved changes"> ●</span>}
            </button>
            <button type="button" className="request-tab-close" data-testid="tab-close" aria-label={`Close ${tabTitle(tab)}`} title={`Close (${mod}W)`} onClick={() => onClose(tab.id)}>
              ×
            </button>
          </div>
        );
      })}
      <button type="button" className="request-tab-new" data-testid="tab-new" aria-label="New tab" title={`New tab (${mod}T)`} onClick={onNew}>
        +
      </button>
    </div>
  );
}
