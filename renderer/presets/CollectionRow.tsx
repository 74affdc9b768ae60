// A collection's header in the sidebar's tree: its name, how many requests it holds, whether its folder is missing
// or read-only (in words), a badge for the files it could not read and the values that look like secrets, and its
// actions (a folder at its top, close for one the user opened).
import { memo } from 'react';
import { DEFAULT_COLLECTION } from '../../shared/collections';
import type { CollectionRow as Header } from './presetTree';
import { Chevron, RowButton, treeItemProps, type TreeDrag } from './treeRowParts';

interface Props {
  row: Header;
  top: number;
  active: boolean;
  dropTarget: boolean;
  drag: TreeDrag;
  onActivate(row: Header): void;
  onNewFolder(row: Header): void;
  onProblems(collection: string): void;
  onClose(collection: string): void;
  /** Opens the collection's cookie jar (renderer/cookies/). */
  onCookies(collection: string): void;
  /** Opens the collection's own settings (renderer/collectionSettings/). */
  onSettings(collection: string): void;
}

const STATE_WORDS = { ok: '', missing: 'folder missing', readOnly: 'read-only' } as const;

export const CollectionRow = memo(function CollectionRow(props: Props) {
  const { row, top, active, dropTarget, drag } = props;
  const { collection } = row;
  const problems = collection.unread.length + collection.secrets.length;
  return (
    <div
      id={`collection-${encodeURIComponent(collection.id)}`}
      {...treeItemProps(row, top, active, drag)}
      data-testid="collection-header"
      data-name={collection.name}
      data-collection={collection.id}
      className={`preset-row collection-row${active ? ' active' : ''}${dropTarget ? ' drop-target' : ''}`}
      onClick={() => props.onActivate(row)}
    >
      <Chevron row={row} />
      <span className="preset-name collection-name" title={collection.path}>
        {collection.name}
      </span>
      {collection.state !== 'ok' && (
        <span className="collection-state" data-testid="collection-state" title={collection.state === 'missing' ? `${collection.path} is gone` : `${collection.path} cannot be written`}>
          {STATE_WORDS[collection.state]}
        </span>
      )}
      {problems > 0 && (
        <button
          type="button"
          className="collection-badge"
          data-testid="collection-problems"
          tabIndex={-1}
          title={`${collection.unread.length} file${collection.unread.length === 1 ? '' : 's'} not read, ${collection.secrets.length} value${collection.secrets.length === 1 ? '' : 's'} that look like secrets`}
          onClick={(event) => {
            event.stopPropagation();
            props.onProblems(collection.id);
          }}
        >
          ⚠ {problems}
        </button>
      )}
      <span className="tree-count">{row.requests}</span>
      <span className="preset-actions">
        <RowButton testId="collection-new-folder" label="New folder" icon="+" onClick={() => props.onNewFolder(row)} />
        <RowButton testId="collection-cookies" label="Cookies of this collection" icon="🍪" onClick={() => props.onCookies(collection.id)} />
        <RowButton testId="collection-settings" label="Collection settings…" icon="⚙" onClick={() => props.onSettings(collection.id)} />
        {collection.id !== DEFAULT_COLLECTION && <RowButton testId="collection-close" label="Close collection (its files stay)" icon="⏏" onClick={() => props.onClose(collection.id)} />}
      </span>
    </div>
  );
});
