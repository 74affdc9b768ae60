// The History panel's data: the filter typed and main's list for it. Answers can arrive out of order (a slow list, then
// a fast one): only the latest call's counts. Pure functions, tested in Node.
import type { HistoryList } from '../../shared/history';
import { createStore } from '../state/store';

export interface HistoryState {
  filter: string;
  list: HistoryList;
  /** The number of the latest list call made. */
  asked: number;
}

export const initialHistory: HistoryState = { filter: '', list: { entries: [], total: 0, notice: null }, asked: 0 };

export const historyFiltered = (state: HistoryState, filter: string): HistoryState => ({ ...state, filter });

export const historyAsked = (state: HistoryState): HistoryState => ({ ...state, asked: state.asked + 1 });

/** The answer to call number `call`: kept only when no later call was made meanwhile. */
export const historyListed = (state: HistoryState, call: number, list: HistoryList): HistoryState => (call === state.asked ? { ...state, list } : state);

export const historyStore = createStore(initialHistory);
