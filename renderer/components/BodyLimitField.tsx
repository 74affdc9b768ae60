// "Keep response bodies up to [N] MB in memory": bigger bodies go to a temp file. Invalid input is shown, never saved.
import { useEffect, useState } from 'react';
import { BYTES_PER_MB, MAX_BODY_LIMIT_MB } from '../../shared/http';
import { bodyLimitMbSchema } from '../../shared/settings';

interface Props {
  mb: number;
  disabled: boolean;
  onChange(mb: number): void;
}

/** Whole MB in range, or null: "", "0", "5000", "1.5" and "1e3" are all refused. */
function parseMb(text: string): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const parsed = bodyLimitMbSchema.safeParse(Number(text));
  return parsed.success ? parsed.data : null;
}

export function BodyLimitField({ mb, disabled, onChange }: Props) {
  const [text, setText] = useState(String(mb));
  // Show the saved value when it loads, and after a change that was accepted.
  useEffect(() => setText(String(mb)), [mb]);
  const valid = parseMb(text) !== null;

  return (
    <div className="body-limit">
      <label title={`1 MB = ${BYTES_PER_MB.toLocaleString('en-US')} bytes. A bigger body is written to a temporary file you can open or save.`}>
        Keep response bodies up to{' '}
        <input
          type="number"
          data-testid="body-limit"
          min={1}
          max={MAX_BODY_LIMIT_MB}
          step={1}
          inputMode="numeric"
          disabled={disabled}
          value={text}
          aria-invalid={!valid}
          aria-describedby={valid ? undefined : 'body-limit-error'}
          onChange={(event) => {
            setText(event.target.value);
            const next = parseMb(event.target.value);
            if (next !== null && next !== mb) onChange(next);
          }}
          // Leaving the field with a refused value puts back the one in use, so what is shown is what applies.
          onBlur={() => !valid && setText(String(mb))}
        />{' '}
        MB in memory
      </label>
      {!valid && (
        <span className="field-error" id="body-limit-error" data-testid="body-limit-error" role="alert">
          Enter a whole number from 1 to {MAX_BODY_LIMIT_MB}; {mb} MB still applies.
        </span>
      )}
    </div>
  );
}
