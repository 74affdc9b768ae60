// Whole-number settings typed into a field: the body size limit ("keep response bodies up to N MB in memory"), and
// through WholeNumberField the Settings dialog's timeout and redirects. Invalid input is shown, never saved.
import { useEffect, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { BYTES_PER_MB } from '../../shared/http';
import { bodyLimitMbSchema, parseWholeNumber } from '../../shared/settings';
import { FieldError } from '../ui';

interface WholeNumberProps {
  /** The value in use (saved, or chosen and being saved). */
  value: number;
  /** The setting's schema: its range is the field's, and only a value it accepts is passed to onChange. */
  schema: z.ZodNumber;
  disabled?: boolean;
  onChange(value: number): void;
  /** The input's test id; the error's is `${testId}-error`, also its element id. */
  testId: string;
  /** The label's words before and after the input, e.g. "Time out after" [30] "seconds". */
  before: ReactNode;
  after: ReactNode;
  /** How the value in use reads in the error: "Enter a whole number from 1 to 600; 30 s still applies." */
  format(value: number): string;
  title?: string;
  className?: string;
}

export function WholeNumberField({ value, schema, disabled = false, onChange, testId, before, after, format, title, className }: WholeNumberProps) {
  const [text, setText] = useState(String(value));
  // Show the saved value when it loads, and after a change that was accepted.
  useEffect(() => setText(String(value)), [value]);
  const valid = parseWholeNumber(text, schema) !== null;
  const min = schema.minValue ?? 0;
  const max = schema.maxValue ?? Number.MAX_SAFE_INTEGER;
  const errorId = `${testId}-error`;

  return (
    <div className={`setting-field${className ? ` ${className}` : ''}`}>
      <label title={title}>
        {before}{' '}
        <input
          type="number"
          data-testid={testId}
          min={min}
          max={max}
          step={1}
          inputMode="numeric"
          disabled={disabled}
          value={text}
          aria-invalid={!valid}
          aria-describedby={valid ? undefined : errorId}
          onChange={(event) => {
            setText(event.target.value);
            const next = parseWholeNumber(event.target.value, schema);
            if (next !== null && next !== value) onChange(next);
          }}
          // Leaving the field with a refused value puts back the one in use, so what is shown is what applies.
          onBlur={() => !valid && setText(String(value))}
        />{' '}
        {after}
      </label>
      {!valid && (
        <FieldError testId={errorId} id={errorId} inline>
          Enter a whole number from {min} to {max}; {format(value)} still applies.
        </FieldError>
      )}
    </div>
  );
}

interface Props {
  mb: number;
  disabled: boolean;
  onChange(mb: number): void;
}

export function BodyLimitField({ mb, disabled, onChange }: Props) {
  return (
    <WholeNumberField
      className="body-limit"
      testId="body-limit"
      value={mb}
      schema={bodyLimitMbSchema}
      disabled={disabled}
      onChange={onChange}
      before="Keep response bodies up to"
      after="MB in memory"
      format={(value) => `${value} MB`}
      title={`1 MB = ${BYTES_PER_MB.toLocaleString('en-US')} bytes. A bigger body is written to a temporary file you can open or save.`}
    />
  );
}
