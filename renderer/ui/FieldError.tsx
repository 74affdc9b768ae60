// What is wrong with a field or a form, in words, where the user is looking.
import type { ReactNode } from 'react';

interface Props {
  testId: string;
  /** For the field's aria-describedby. */
  id?: string;
  /** Beside a field, in its line (a span), rather than a line of its own (a paragraph). */
  inline?: boolean;
  /** Announced by screen readers as it appears (role="alert"); off where the field itself points here. */
  alert?: boolean;
  className?: string;
  children: ReactNode;
}

export function FieldError({ testId, id, inline = false, alert = true, className, children }: Props) {
  const Tag = inline ? 'span' : 'p';
  return (
    <Tag id={id} className={className ? `field-error ${className}` : 'field-error'} role={alert ? 'alert' : undefined} data-testid={testId}>
      {children}
    </Tag>
  );
}
