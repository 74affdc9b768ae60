// Ctrl+F in a body view: the worker searches the text as the view shows it (Pretty's lines, the bytes in Raw);
// Enter / Shift+Enter (or F3) walk the matches, Esc closes.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { LineViewName } from './json/bodyProtocol';
import type { BodyWorkerClient } from './json/bodyWorker';

const SEARCH_DELAY_MS = 150;

export interface FindState {
  query: string;
  matchCase: boolean;
  /** The line of each match, in order; current is the match shown. */
  lines: number[];
  more: boolean;
  current: number;
}

interface Props {
  worker: BodyWorkerClient;
  view: LineViewName;
  /** Changes as more of the body arrives: the search runs again over it, staying on the match shown. */
  revision: string;
  /** Opens (and focuses) the bar each time it changes. */
  openRequest: number;
  onChange: (find: FindState | null) => void;
  onGoTo: (line: number) => void;
  /** The bar closed (Esc or ×): the view takes the focus back. */
  onClose: () => void;
}

export function FindBar({ worker, view, revision, openRequest, onChange, onGoTo, onClose }: Props) {
  // Open from Ctrl+F until closed: derived, not set in an effect, so the input exists (and has focus) before the
  // next keystroke arrives. A bar mounted for a new body starts closed: it must not take the focus unasked.
  const [closedAt, setClosedAt] = useState(openRequest);
  const open = openRequest > closedAt;
  const [query, setQuery] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [found, setFound] = useState<FindState | null>(null);
  const input = useRef<HTMLInputElement>(null);

  // Each Ctrl+F (re)focuses the query, selected, so typing replaces it.
  useLayoutEffect(() => {
    if (!open) return;
    input.current?.focus();
    input.current?.select();
  }, [open, openRequest]);

  /** The search the bar shows now, and when it was typed: it runs once typing stops, and again at once as more of
   *  the body arrives (updates do not put it off). An answer for an older query is dropped, one for less of the body
   *  is not. */
  const wanted = useRef<{ key: string | null; typedAt: number }>({ key: null, typedAt: 0 });
  useEffect(() => {
    const key = open && query !== '' ? `${matchCase}:${query}` : null;
    if (wanted.current.key !== key) wanted.current = { key, typedAt: performance.now() };
    if (key === null) {
      setFound(null);
      return;
    }
    const timer = setTimeout(
      () => {
        void worker.request({ op: 'find', view, query, matchCase }).then((reply) => {
          if (wanted.current.key !== key || !reply.ok) return;
          setFound((previous) => {
            // The same search over more of the body: the match shown stays shown, and the view is not moved.
            const again = previous !== null && previous.query === query && previous.matchCase === matchCase && previous.lines.length > 0;
            if (!again && reply.lines.length > 0) onGoTo(reply.lines[0]!);
            // Nothing new in what came since: the same state, so the rows on screen are not drawn again.
            if (again && previous.more === reply.more && sameNumbers(previous.lines, reply.lines)) return previous;
            return { query, matchCase, lines: reply.lines, more: reply.more, current: again ? Math.min(previous.current, reply.lines.length - 1) : 0 };
          });
        });
      },
      Math.max(0, wanted.current.typedAt + SEARCH_DELAY_MS - performance.now()),
    );
    return () => clearTimeout(timer);
    // onGoTo changes with the view's size; a new search is for a new query, or more of the body.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [worker, view, query, matchCase, open, revision]);

  useEffect(() => onChange(found), [found, onChange]);

  const close = () => {
    setClosedAt(openRequest);
    setQuery('');
    onClose();
  };

  const step = (by: number) => {
    if (!found || found.lines.length === 0) return;
    const next = (found.current + by + found.lines.length) % found.lines.length;
    setFound({ ...found, current: next });
    onGoTo(found.lines[next]!);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === 'F3') {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    }
  };

  if (!open) return null;
  const count = !found
    ? ''
    : found.lines.length === 0
      ? 'No results'
      : `${found.current + 1} of ${found.lines.length}${found.more ? '+' : ''}`;
  return (
    <div className="find-bar" role="search">
      <input
        ref={input}
        data-testid="find-input"
        aria-label="Find in the body"
        placeholder="Find"
        spellCheck={false}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <label className="find-case">
        <input type="checkbox" data-testid="find-case" checked={matchCase} onChange={(event) => setMatchCase(event.target.checked)} /> Aa
      </label>
      <span className="find-count" data-testid="find-count" role="status">
        {count}
      </span>
      <button data-testid="find-previous" aria-label="Previous match (Shift+Enter)" onClick={() => step(-1)}>
        ↑
      </button>
      <button data-testid="find-next" aria-label="Next match (Enter)" onClick={() => step(1)}>
        ↓
      </button>
      <button aria-label="Close find (Esc)" onClick={close}>
        ×
      </button>
    </div>
  );
}

const sameNumbers = (a: number[], b: number[]) => a.length === b.length && a.every((value, index) => value === b[index]);
