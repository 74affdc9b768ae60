// The fields of a form body (application/x-www-form-urlencoded), one row each.
import type { FormField } from '../../shared/request';
import { withTextValue } from './keyValueRows';
import { KeyValueTable } from './KeyValueTable';

interface Props {
  fields: readonly FormField[];
  onChange(fields: FormField[]): void;
}

export function FormFieldsTable({ fields, onChange }: Props) {
  return (
    <KeyValueTable
      testId="form-table"
      rowNoun="form field"
      namePlaceholder="Field"
      valuePlaceholder="Value"
      rows={fields}
      onChange={(rows) => onChange(rows.map(withTextValue))}
    />
  );
}
