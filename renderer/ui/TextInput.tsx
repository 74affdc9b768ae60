// A one-line text field for names, URLs, tokens and filters: never spell-checked or autofilled (what is typed is
// code or a secret), and it hands its owner the text rather than the event.
import type { InputHTMLAttributes, Ref } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'type'> & {
  value: string;
  onChange(text: string): void;
  type?: 'text' | 'password' | 'search';
  ref?: Ref<HTMLInputElement>;
};

export function TextInput({ onChange, type = 'text', ...rest }: Props) {
  return <input type={type} spellCheck={false} autoComplete="off" {...rest} onChange={(event) => onChange(event.target.value)} />;
}
