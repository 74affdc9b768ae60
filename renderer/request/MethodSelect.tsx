// The HTTP method: the standard ones in a menu, and "Other…" for any RFC 9110 token (PURGE, REPORT, …) typed as is.
import { useEffect, useId, useRef, useState } from 'react';
import { methodSchema, STANDARD_METHODS } from '../../shared/request';
import { FieldError, TextInput } from '../ui';
import './request.css';

interface Props {
  method: string;
  onChange(method: string): void;
}

/** The "Other…" option's value: never a method, since a method has at least one character. */
const OTHER = '';
const isStandard = (method: string) => (STANDARD_METHODS as readonly string[]).includes(method);
const issueWith = (text: string) => {
  const checked = methodSchema.safeParse(text);
  return checked.success ? null : (checked.error.issues[0]?.message ?? 'That cannot be used as a method.');
};

export function MethodSelect({ method, onChange }: Props) {
  // What is typed in the custom box while it is open: it reaches the document only once it is a valid method, so a
  // draft never holds one that could not be saved or sent; until then the box keeps the text and says why.
  const [typed, setTyped] = useState<string | null>(null);
  const [shownMethod, setShownMethod] = useState(method);
  if (method !== shownMethod) {
    // Another request was opened (or the method changed elsewhere): drop text that is not this method.
    setShownMethod(method);
    if (typed !== null && typed !== method) setTyped(null);
  }
  const custom = typed ?? (isStandard(method) ? null : method);
  const issue = custom ? issueWith(custom) : null;

  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);
  // Choosing "Other…" puts the cursor in the box, once it is rendered.
  const focusInput = useRef(false);
  useEffect(() => {
    if (focusInput.current) input.current?.focus();
    focusInput.current = false;
  });

  return (
    <span className="method-select">
      <select
        className="method"
        data-testid="method"
        aria-label="HTTP method"
        value={typed !== null && typed !== method ? OTHER : method}
        onChange={(event) => {
          const chosen = event.target.value;
          if (chosen === OTHER) {
            setTyped(isStandard(method) ? '' : method);
            focusInput.current = true;
          } else {
            setTyped(null);
            onChange(chosen);
          }
        }}
      >
        {STANDARD_METHODS.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
        {!isStandard(method) && <option value={method}>{method}</option>}
        <option value={OTHER}>Other…</option>
      </select>
      {custom !== null && (
        <TextInput
          ref={input}
          className="method-custom"
          data-testid="method-custom"
          aria-label="Custom HTTP method"
          placeholder="e.g. PURGE"
          value={custom}
          aria-invalid={issue !== null}
          aria-describedby={issue ? errorId : undefined}
          onChange={(text) => {
            setTyped(text);
            if (!issueWith(text)) onChange(text);
          }}
        />
      )}
      {issue && (
        <FieldError testId="method-error" id={errorId} className="method-error" inline alert={false}>
          {issue} Until then the request uses {method}.
        </FieldError>
      )}
    </span>
  );
}
