// The sidebar: the preset library and the request history as two tabs. The presets stay mounted while History is
// shown (their filter and selection are kept); History lists afresh each time it is opened.
import { useState, type ReactNode } from 'react';
import { HistoryPanel } from '../history/HistoryPanel';
import '../history/history.css';

const VIEWS = { presets: 'Presets', history: 'History' } as const;
type View = keyof typeof VIEWS;

interface Props {
  /** The preset sidebar, as App renders it. */
  presets: ReactNode;
}

export function SidebarTabs({ presets }: Props) {
  const [shown, setShown] = useState<View>('presets');
  return (
    <div className="sidebar-column">
      <div className="sidebar-tabs" role="tablist" aria-label="Sidebar">
        {(Object.keys(VIEWS) as View[]).map((view) => (
          <button
            key={view}
            type="button"
            role="tab"
            id={`sidebar-tab-${view}`}
            aria-selected={shown === view}
            aria-controls={`sidebar-pane-${view}`}
            data-testid={`sidebar-tab-${view}`}
            onClick={() => setShown(view)}
          >
            {VIEWS[view]}
          </button>
        ))}
      </div>
      <div className="sidebar-pane" role="tabpanel" id="sidebar-pane-presets" aria-labelledby="sidebar-tab-presets" hidden={shown !== 'presets'}>
        {presets}
      </div>
      {shown === 'history' && (
        <div className="sidebar-pane" role="tabpanel" id="sidebar-pane-history" aria-labelledby="sidebar-tab-history">
          <HistoryPanel />
        </div>
      )}
    </div>
  );
}
