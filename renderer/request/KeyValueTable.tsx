// The one editable table of name / value rows (query parameters, headers, form fields), ending in an empty row to type into.
import { Fragment, useId, useRef, type KeyboardEvent } from 'react';
import { FieldError, TextInput } from '../ui';
import { editRow, removeRow, type KeyValueRow, type RowEdit } from './keyValueRows';
import './request.css';

/** A row Keypost adds by itself (a derived header), shown greyed above the user's rows. */
export interface ReadOnlyRow {
  name: string;
  value: string;
  /** Where it comes from, e.g. "from the credential". */
  source: string;
  /** Whether an enabled user row replaces it. */
  overridden: boolean;
}

export interface KeyValueTableProps {
  rows: readonly KeyValueRow[];
  onChange(rows: KeyValueRow[]): void;
  /** The table's data-testid. */
  testId: string;
  /** What one row is, lower case, for the inputs' labels: "header" gives "Header 2 name", "Remove header 2". */
  rowNoun: string;
  namePlaceholder: string;
  valuePlaceholder: string;
  readOnlyRows?: readonly ReadOnlyRow[];
  /** A message shown under the row, or null. */
  problemOf?(row: KeyValueRow, index: number): string | null;
}

type Column = 'name' | 'value';

export function KeyValueTable(props: KeyValueTableProps) {
  const { rows, onChange, testId, rowNoun, namePlaceholder, valuePlaceholder, readOnlyRows = [], problemOf } = props;
  const body = useRef<HTMLTableSectionElement>(null);
  const idPrefix = useId();
  const Noun = rowNoun.charAt(0).toUpperCase() + rowNoun.slice(1);

  // Rows are keyed by position and hold no state of their own, so the element at a position survives edits that
  // add or remove rows: focus stays where the user is typing.
  const focusCell = (index: number, column: Column) =>
    body.current?.querySelector<HTMLInputElement>(`[data-row="${index}"] [data-column="${column}"]`)?.focus();
  const edit = (index: number, change: RowEdit) => onChange(editRow(rows, index, change));
  const remove = (index: number) => {
    onChange(removeRow(rows, index));
    focusCell(index, 'name'); // the row that takes its place (at worst the empty row)
  };
  // Enter moves down a row in the same column, Shift+Enter up (Ctrl/⌘+Enter is left to Send).
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, index: number, column: Column) => {
    if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.altKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    focusCell(index + (event.shiftKey ? -1 : 1), column);
  };

  return (
    <table className="kv-table" data-testid={testId} aria-label={`${Noun}s`}>
      <KeyValueColumns />
      {readOnlyRows.length > 0 && (
        <tbody>
          {readOnlyRows.map((row) => (
            <tr
              key={row.name}
              data-testid="kv-derived"
              data-overridden={String(row.overridden)}
              className={row.overridden ? 'kv-derived kv-overridden' : 'kv-derived'}
              title={row.overridden ? 'Replaced by your row with the same name.' : 'Added by Keypost; a row with the same name replaces it.'}
            >
              <td />
              <td className="kv-derived-name">{row.name}</td>
              <td>
                <span className="kv-derived-value">{row.value}</span>
                <span className="kv-source">
                  {row.source}
                  {row.overridden && ' · overridden'}
                </span>
              </td>
              <td />
            </tr>
          ))}
        </tbody>
      )}
      <tbody ref={body}>
        {[...rows, null].map((row, index) => {
          const label = row ? `${Noun} ${index + 1}` : `New ${rowNoun}`;
          const problem = row && problemOf ? problemOf(row, index) : null;
          const problemId = `${idPrefix}-problem-${index}`;
          const invalid = problem ? { 'aria-invalid': true, 'aria-describedby': problemId } : {};
          const noEquals = row?.value === null;
          return (
            <Fragment key={index}>
              <tr data-testid={row ? 'kv-row' : 'kv-new-row'} data-row={index} className={row && !row.enabled ? 'kv-off' : undefined}>
                <td className="kv-check">
                  {row && (
                    <input
                      type="checkbox"
                      data-testid="kv-enabled"
                      aria-label={`Send ${rowNoun} ${index + 1}`}
                      checked={row.enabled}
                      onChange={(event) => edit(index, { enabled: event.target.checked })}
                    />
                  )}
                </td>
                <td>
                  <TextInput
                    data-testid="kv-name"
                    data-column="name"
                    aria-label={`${label} name`}
                    placeholder={namePlaceholder}
                    value={row?.name ?? ''}
                    onChange={(text) => edit(index, { name: text })}
                    onKeyDown={(event) => onKeyDown(event, index, 'name')}
                    {...invalid}
                  />
                </td>
                <td>
                  <TextInput
                    data-testid="kv-value"
                    data-column="value"
                    data-no-equals={noEquals || undefined}
                    aria-label={`${label} value`}
                    // A bare ?flag has no "=": typing a value adds one.
                    placeholder={noEquals ? 'no “=”' : valuePlaceholder}
                    title={noEquals ? 'Sent as a bare name, without “=”. Type a value to add one.' : undefined}
                    value={row?.value ?? ''}
                    onChange={(text) => edit(index, { value: text })}
                    onKeyDown={(event) => onKeyDown(event, index, 'value')}
                    {...invalid}
                  />
                </td>
                <td className="kv-remove">
                  {row && (
                    <button type="button" data-testid="kv-remove" aria-label={`Remove ${rowNoun} ${index + 1}`} title="Remove" onClick={() => remove(index)}>
                      ×
                    </button>
                  )}
                </td>
              </tr>
              {problem && (
                <tr className="kv-problem-row">
                  <td />
                  <td colSpan={3}>
                    <FieldError testId="kv-problem" id={problemId} alert={false}>
                      {problem}
                    </FieldError>
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

/** The column widths, set once for the table (its first row may be a derived one, with no checkbox or button to size them). */
export function KeyValueColumns() {
  return (
    <colgroup>
      <col className="kv-col-narrow" />
      <col className="kv-col-name" />
      <col />
      <col className="kv-col-narrow" />
    </colgroup>
  );
}
