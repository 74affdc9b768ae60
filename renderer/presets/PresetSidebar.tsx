// The saved requests as a tree: each open collection, its folders and requests; a filter over the whole tree; a windowed
// list (fast with 10,000 requests); the tree's keyboard, drag and drop, and each row's actions.
import { memo, useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { CollectionInfo } from '../../shared/collections';
import type { KeypostError } from '../../shared/errors';
import type { PresetSummary } from '../../shared/presets';
import { isMac } from '../platform';
import { FieldError, TextInput, VirtualListBox } from '../ui';
import { CollectionRow } from './CollectionRow';
import { openCookies } from '../cookies/cookieActions';
import { openCollectionSettings } from '../collectionSettings/collectionSettingsActions';
import { askForeignImport } from './foreignImportActions';
import { FolderRow } from './FolderRow';
import {
  askDeleteFolder,
  askMoveTo,
  askNewFolder,
  closeCollection,
  moveItem,
  openCollectionFolder,
  renameFolder,
  revealRequest,
  selectRow,
  showCollectionProblems,
  toggleNode,
} from './folderActions';
import { PresetRow } from './PresetRow';
import { buildTreeIndex, dropPlace, movableOf, placeLabel, placeOfRow, requestKey, visibleRows, type FolderRow as Folder, type RequestRow, type TreeRow } from './presetTree';
import type { TreeDrag } from './treeRowParts';
import { useTreeNavigation } from './useTreeNavigation';
import './presets.css';

interface Props {
  presets: PresetSummary[];
  collections: CollectionInfo[];
  expanded: ReadonlySet<string>;
  selected: string | null;
  currentId: string | null;
  dirty: boolean;
  onOpen(id: string): void;
  onNew(): void;
  /** Answers an error to show beside the field, or null when renamed. */
  onRename(id: string, name: string): Promise<KeypostError | null>;
  onDuplicate(id: string): void;
  onDelete(id: string): void;
  onExport(ids: string[]): void;
  onImport(): void;
}

const openCollection = () => void openCollectionFolder();
const close = (collection: string) => void closeCollection(collection);
const newFolderIn = (row: TreeRow) => askNewFolder(placeOfRow(row));
const moveRow = (row: TreeRow) => {
  const item = movableOf(row);
  if (item) askMoveTo(item);
};

export const PresetSidebar = memo(function PresetSidebar(props: Props) {
  const { presets, collections, expanded, selected, currentId, dirty } = props;
  const [query, setQuery] = useState('');
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [renamingKey, setRenamingKey] = useState<string | null>(null);
  const [renameError, setRenameError] = useState<{ testId: string; message: string } | null>(null);
  const index = useMemo(() => buildTreeIndex(collections, presets), [collections, presets]);
  const tree = useMemo(() => visibleRows(index, query, expanded), [index, query, expanded]);

  // Deleted presets leave the selection.
  useEffect(() => {
    setChecked((previous) => {
      if (previous.size === 0) return previous;
      const ids = new Set(presets.map((p) => p.id));
      return new Set([...previous].filter((id) => ids.has(id)));
    });
  }, [presets]);

  const startRename = useCallback((key: string) => {
    setRenameError(null);
    setRenamingKey(key);
  }, []);
  const cancelRename = useCallback(() => {
    setRenamingKey(null);
    setRenameError(null);
  }, []);
  const { onRename, onOpen, onDelete } = props;
  const renamed = useCallback(
    (error: KeypostError | null, testId: string) => {
      if (error) setRenameError({ testId, message: [error.message, error.hint].filter(Boolean).join(' ') });
      else cancelRename();
    },
    [cancelRename],
  );
  const renamePreset = useCallback(async (id: string, name: string) => renamed(await onRename(id, name), 'preset-rename-error'), [onRename, renamed]);
  const renameFolderRow = useCallback(async (row: Folder, name: string) => renamed(await renameFolder(row.collection, row.folder, name), 'folder-rename-error'), [renamed]);
  const check = useCallback((id: string, on: boolean) => {
    setChecked((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  const openRequest = useCallback(
    (id: string) => {
      selectRow(requestKey(id));
      onOpen(id);
    },
    [onOpen],
  );
  const activate = useCallback(
    (row: TreeRow) => {
      if (row.kind === 'request') return openRequest(row.preset.id);
      selectRow(row.key);
      if (row.kind === 'collection' || !row.empty) toggleNode(row.key, !row.expanded);
    },
    [openRequest],
  );

  const { active, box, onFilterKeyDown } = useTreeNavigation(tree.rows, selected, query, tree.filtering, {
    select: selectRow,
    toggle: toggleNode,
    activate,
    rename: (row) => row.kind !== 'collection' && startRename(row.key),
    remove: (row) => {
      if (row.kind === 'request') onDelete(row.preset.id);
      else if (row.kind === 'folder') askDeleteFolder(row.collection, row.folder);
    },
    move: moveRow,
    newFolder: newFolderIn,
    reveal: revealRequest,
  });

  const drag = useTreeDrag();

  // Export: the ticked requests, else those the filter shows (all of them without one, folders closed or not).
  const exportIds = checked.size > 0 ? [...checked] : tree.filtering ? tree.rows.flatMap((row) => (row.kind === 'request' ? [row.preset.id] : [])) : presets.map((p) => p.id);
  const where = (row: RequestRow) => placeLabel(collections, placeOfRow(row));

  return (
    <aside className="sidebar" aria-label="Presets">
      <div className="sidebar-head">
        <h2>Presets</h2>
        <span className="sidebar-head-actions">
          <button type="button" data-testid="folder-new-selected" onClick={() => askNewFolder()} title="New folder (in the selected folder)">
            New folder
          </button>
          <button type="button" data-testid="preset-new" onClick={props.onNew} title="New request">
            New
          </button>
        </span>
      </div>
      <TextInput
        type="search"
        data-testid="preset-filter"
        aria-label="Filter presets"
        aria-controls="preset-list"
        placeholder={`Filter ${presets.length} preset${presets.length === 1 ? '' : 's'}…`}
        value={query}
        onChange={setQuery}
        onKeyDown={onFilterKeyDown}
      />
      <VirtualListBox
        {...box}
        items={tree.rows}
        role="tree"
        count={tree.requests}
        activeId={active && rowElementId(active)}
        id="preset-list"
        label="Presets"
        testId="preset-list"
        className="preset-list"
        option={(row, top) => {
          const common = { top, active: row === active, dropTarget: drag.target === row.key, drag: drag.handlers } as const;
          if (row.kind === 'collection')
            return <CollectionRow key={row.key} row={row} {...common} onActivate={activate} onNewFolder={newFolderIn} onProblems={showCollectionProblems} onClose={close} onCookies={openCookies} onSettings={openCollectionSettings} />;
          if (row.kind === 'folder')
            return (
              <FolderRow
                key={row.key}
                row={row}
                {...common}
                renaming={row.key === renamingKey}
                onActivate={activate}
                onNewFolder={newFolderIn}
                onStartRename={startRename}
                onRename={renameFolderRow}
                onCancelRename={cancelRename}
                onMove={moveRow}
                onDelete={(folder) => askDeleteFolder(folder.collection, folder.folder)}
              />
            );
          return (
            <PresetRow
              key={row.key}
              row={row}
              {...common}
              where={where(row)}
              open={row.preset.id === currentId}
              dirty={dirty}
              checked={checked.has(row.preset.id)}
              renaming={row.key === renamingKey}
              onOpen={openRequest}
              onCheck={check}
              onStartRename={startRename}
              onRename={renamePreset}
              onCancelRename={cancelRename}
              onDuplicate={props.onDuplicate}
              onDelete={onDelete}
              onMove={moveRow}
            />
          );
        }}
      >
        {presets.length === 0 && <p className="sidebar-empty">No presets yet. Press {isMac ? '⌘S' : 'Ctrl+S'} to save the current request.</p>}
        {presets.length > 0 && tree.filtering && tree.requests === 0 && <p className="sidebar-empty">No preset matches “{query}”.</p>}
      </VirtualListBox>
      {renameError && <FieldError testId={renameError.testId}>{renameError.message}</FieldError>}
      <div className="sidebar-foot">
        <button type="button" data-testid="collection-open" onClick={openCollection} title="Open a folder of requests (a git checkout, say) as a collection">
          Open folder…
        </button>
        <button type="button" data-testid="preset-import" onClick={props.onImport} title="Import presets exported from Keypost">
          Import…
        </button>
        <button type="button" data-testid="foreign-import" onClick={askForeignImport} title="Import an OpenAPI document or a Postman collection, from a file or an address">
          Import API…
        </button>
        <button type="button" data-testid="preset-export" disabled={exportIds.length === 0} onClick={() => props.onExport(exportIds)}>
          {checked.size > 0 ? `Export ${checked.size} selected…` : 'Export shown…'}
        </button>
      </div>
    </aside>
  );
});

/** The id of a row's element, for aria-activedescendant (each row component sets the same). */
function rowElementId(row: TreeRow): string {
  if (row.kind === 'request') return `preset-${row.preset.id}`;
  if (row.kind === 'folder') return `folder-${encodeURIComponent(row.key)}`;
  return `collection-${encodeURIComponent(row.collection.id)}`;
}

/** HTML5 drag and drop between rows: a request or a folder dragged onto a folder, a collection's header or a request
 *  (its folder); the row under the pointer is marked when it can take what is dragged. */
function useTreeDrag(): { target: string | null; handlers: TreeDrag } {
  const dragged = useRef<TreeRow | null>(null);
  const [target, setTarget] = useState<string | null>(null);
  const handlers = useMemo<TreeDrag>(
    () => ({
      start(row, event: DragEvent) {
        if (row.kind === 'collection') return event.preventDefault();
        dragged.current = row;
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', row.kind === 'request' ? row.preset.name : row.folder);
      },
      over(row, event: DragEvent) {
        if (!dragged.current || !dropPlace(dragged.current, row)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setTarget(row.key);
      },
      leave(row) {
        setTarget((current) => (current === row.key ? null : current));
      },
      drop(row, event: DragEvent) {
        const from = dragged.current;
        dragged.current = null;
        setTarget(null);
        const place = from && dropPlace(from, row);
        const item = from && movableOf(from);
        if (!place || !item) return;
        event.preventDefault();
        void moveItem(item, place);
      },
      end() {
        dragged.current = null;
        setTarget(null);
      },
    }),
    [],
  );
  return { target, handlers };
}
