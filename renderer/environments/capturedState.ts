// Variables captured from responses in this session, as the page knows them: each name, and its value unless it is
// secret (main keeps the values; the page only needs to know a {{name}} will resolve). Gone when the app restarts.
// Pure functions, tested in Node.
import type { CaptureResult } from '../../shared/responseChecks';
import { createStore } from '../state/store';

/** Name → value as shown, or null for a secret one. */
export type CapturedState = Readonly<Record<string, string | null>>;

export const capturedStore = createStore<CapturedState>({});

/** What a send captured joins what earlier sends did (a name captured again takes the new value). */
export function captured(state: CapturedState, results: readonly CaptureResult[]): CapturedState {
  const kept = results.filter((result) => result.captured);
  if (kept.length === 0) return state;
  return { ...state, ...Object.fromEntries(kept.map((result) => [result.variable, result.secret ? null : (result.value ?? '')])) };
}

/** The environment's values with the captured ones over them, as main resolves {{name}}: a secret one as `placeholder`. */
export function withCaptured(values: ReadonlyMap<string, string>, state: CapturedState, placeholder: (name: string) => string): Map<string, string> {
  return new Map([...values, ...Object.entries(state).map(([name, value]) => [name, value ?? placeholder(name)] as const)]);
}
