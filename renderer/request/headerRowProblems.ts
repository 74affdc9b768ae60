// What is wrong with each header row, for the message under it. The rules stay in checkHeaders (shared with main's
// gate); this only asks it about one row at a time, and about a row beside the first one with its name.
import type { KeypostError } from '../../shared/errors';
import type { Header } from '../../shared/request';
import { checkHeaders } from '../../shared/requestChecks';

const sentence = (error: KeypostError) => (error.hint ? `${error.message} ${error.hint}` : error.message);

/** One entry per row: null when the row is fine, or not sent (disabled or empty), or the problem in words. */
export function headerRowProblems(rows: readonly Header[]): Array<string | null> {
  const alone = rows.map((row) => checkHeaders([row]));
  // The first valid row that is sent, by name: a later row with that name is checked beside it.
  const firstByName = new Map<string, Header>();
  return rows.map((row, index) => {
    const check = alone[index]!;
    if (!check.ok) return sentence(check.error);
    if (check.value.length === 0) return null;
    const key = row.name.toLowerCase();
    const first = firstByName.get(key);
    if (!first) {
      firstByName.set(key, row);
      return null;
    }
    // Both rows pass alone, so a refusal of the pair is about having both (a header HTTP allows once).
    const pair = checkHeaders([first, row]);
    return pair.ok ? null : sentence(pair.error);
  });
}
