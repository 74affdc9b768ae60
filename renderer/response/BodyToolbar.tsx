// Above the body: view switch (Pretty / Raw / Tree), JSONPath filter, copy and save.
import type { RefObject } from 'react';
import { TextInput } from '../ui';

export type BodyViewName = 'pretty' | 'raw' | 'tree';

interface Props {
  view: BodyViewName;
  onView: (view: BodyViewName) => void;
  /** Views that make sense for this body (Tree and the filter need valid JSON). */
  available: Record<BodyViewName, boolean>;
  filter: string;
  onFilter: (path: string) => void;
  filterEnabled: boolean;
  filterRef: RefObject<HTMLInputElement | null>;
  onCopyBody: () => void;
  onSaveBody: () => void;
  canCopy: boolean;
  /** The body can be written to a file: it has all arrived (or all it will: cut short). */
  canSave: boolean;
  status: string;
}

const labels: Record<BodyViewName, string> = { pretty: 'Pretty', raw: 'Raw', tree: 'Tree' };

export function BodyToolbar(props: Props) {
  return (
    <div className="body-toolbar">
      <div className="view-switch" role="group" aria-label="Body view">
        {(Object.keys(labels) as BodyViewName[]).map((view) => (
          <button
            key={view}
            data-testid={`view-${view}`}
            aria-pressed={props.view === view}
            disabled={!props.available[view]}
            onClick={() => props.onView(view)}
          >
            {labels[view]}
          </button>
        ))}
      </div>
      <TextInput
        ref={props.filterRef}
        className="body-filter"
        data-testid="body-filter"
        placeholder="Filter: $.items[*].id"
        aria-label="Filter the body with a JSONPath expression"
        disabled={!props.filterEnabled}
        value={props.filter}
        onChange={(text) => props.onFilter(text)}
      />
      <button data-testid="copy-body" onClick={props.onCopyBody} disabled={!props.canCopy}>
        Copy
      </button>
      <button data-testid="save-body" onClick={props.onSaveBody} disabled={!props.canSave}>
        Save…
      </button>
      <span className="body-status" data-testid="body-status" role="status">
        {props.status}
      </span>
    </div>
  );
}
