// The request's headers: the ones Keypost adds, greyed (struck through when a row replaces one), then the user's rows,
// each with what is wrong with it in words.
import { useMemo } from 'react';
import type { Header, RequestDocument } from '../../shared/request';
import { derivedHeaders, isOverridden, type DerivedHeader } from '../../shared/requestHeaders';
import { headerRowProblems } from './headerRowProblems';
import { withTextValue } from './keyValueRows';
import { KeyValueTable, type ReadOnlyRow } from './KeyValueTable';

const SOURCES: Record<DerivedHeader['source'], string> = {
  auth: 'from the credential',
  body: 'from the body kind',
  default: 'default',
};

interface Props {
  document: RequestDocument;
  onChange(headers: Header[]): void;
}

export function RequestHeadersTable({ document, onChange }: Props) {
  const { headers } = document;
  const problems = useMemo(() => headerRowProblems(headers), [headers]);
  const derived: ReadOnlyRow[] = derivedHeaders(document).map((header) => ({
    name: header.name,
    value: header.value,
    source: SOURCES[header.source],
    overridden: isOverridden(header, headers),
  }));
  return (
    <KeyValueTable
      testId="headers-table"
      rowNoun="header"
      namePlaceholder="Header"
      valuePlaceholder="Value"
      rows={headers}
      readOnlyRows={derived}
      problemOf={(_row, index) => problems[index] ?? null}
      onChange={(rows) => onChange(rows.map(withTextValue))}
    />
  );
}
