// Edits to the rows of a name / value table (query parameters, headers, form fields), pure so Node tests can check
// them. The table's trailing empty row is not a row until typed into; a last row emptied out becomes it again.

/** One row; a null value is a query parameter without "=" (`?flag`). Headers and form fields always have a string. */
export interface KeyValueRow {
  name: string;
  value: string | null;
  enabled: boolean;
}

export type RowEdit = { name: string } | { value: string } | { enabled: boolean };

const NEW_ROW: KeyValueRow = { name: '', value: '', enabled: true };
const isBlank = (row: KeyValueRow) => row.name === '' && !row.value;

/** The rows after one edit of row `index`; `index === rows.length` is the trailing empty row, which the edit adds. */
export function editRow(rows: readonly KeyValueRow[], index: number, edit: RowEdit): KeyValueRow[] {
  const edited = { ...(rows[index] ?? NEW_ROW), ...edit };
  const next = replaceRow(rows, index, edited);
  // Clearing the last row's text hands it back to the empty row in the same place (focus stays). A blank row in the
  // middle stays a row: dropping it would pull the next row under the cursor. Unticking a blank row keeps it too.
  const clearedLast = !('enabled' in edit) && index === next.length - 1 && isBlank(edited);
  return clearedLast ? next.slice(0, -1) : next;
}

/** `rows` with row `index` replaced (or appended, at `rows.length`). */
export function replaceRow<Row>(rows: readonly Row[], index: number, row: Row): Row[] {
  const next = rows.slice();
  next[index] = row;
  return next;
}

export const removeRow = <Row>(rows: readonly Row[], index: number): Row[] => rows.filter((_, at) => at !== index);

/** A table row as a header or form field: the table never writes null, so only a query row can hold one. */
export const withTextValue = ({ name, value, enabled }: KeyValueRow) => ({ name, value: value ?? '', enabled });
