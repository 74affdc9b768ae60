// The query parameters as a table: the same rows the URL bar shows (a null value is a bare ?flag, without "=").
import type { QueryParam } from '../../shared/request';
import { KeyValueTable } from './KeyValueTable';

interface Props {
  query: readonly QueryParam[];
  onChange(query: QueryParam[]): void;
}

// Rows keep the text as typed; joinUrl encodes what would change the URL's structure (&, #, = in names) when it builds the URL.
export function QueryTable({ query, onChange }: Props) {
  return (
    <KeyValueTable testId="query-table" rowNoun="query parameter" namePlaceholder="Parameter" valuePlaceholder="Value" rows={query} onChange={onChange} />
  );
}
