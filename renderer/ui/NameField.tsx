// A name typed into a dialog (a preset's, a folder's): its label, the field focused at once, and the reason a name
// was refused beneath it, gone as soon as the name is edited.
import type { ReactNode } from 'react';
import { FieldError } from './FieldError';
import { TextInput } from './TextInput';

interface Props {
  /** The field's id; its test id, and `<id>-error` for the error's. */
  id: string;
  label: ReactNode;
  value: string;
  error: string | null;
  /** The new text; the owner clears the error with it. */
  onChange(text: string): void;
}

export function NameField({ id, label, value, error, onChange }: Props) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <TextInput id={id} data-testid={id} autoFocus maxLength={200} value={value} onChange={onChange} />
      {error && <FieldError testId={`${id}-error`}>{error}</FieldError>}
    </>
  );
}
