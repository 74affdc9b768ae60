// The request body: its kind, and the editor for it: Monaco for JSON and text, tables for the two form kinds.
import { useEffect, useRef, useState } from 'react';
import type { RequestBody, RequestBodyKind } from '../../shared/request';
import { methodTakesBody } from '../../shared/request';
import { MonacoView } from './editor/MonacoView';
import { bodySchemaOf } from './bodySchemaActions';
import { formatJson } from '../response/json/formatJson';
import { FormFieldsTable } from './FormFieldsTable';
import { MultipartTable } from './MultipartTable';

const KINDS: Array<{ kind: RequestBodyKind; label: string }> = [
  { kind: 'json', label: 'JSON' },
  { kind: 'text', label: 'Text' },
  { kind: 'form', label: 'Form (urlencoded)' },
  { kind: 'multipart', label: 'Multipart form' },
  { kind: 'none', label: 'No body' },
];

interface Props {
  body: RequestBody;
  method: string;
  onChange(body: RequestBody): void;
  /** Main's file dialog for a multipart file part: the chosen path, or null. */
  onChooseFile(): Promise<string | null>;
  /** Ctrl/Cmd+Enter in the editor, with the body as the editor holds it now. */
  onSubmit(body: RequestBody): void;
  reveal?: { line: number; column: number };
  /** The saved request whose body has a schema (request.schema): its JSON is checked against it. */
  schemaOf?: string | null;
}

/** The body schema of the saved request `presetId` (none: null), as main reads it from the linked document. */
function useBodySchema(presetId: string | null): object | null {
  const [schema, setSchema] = useState<{ of: string; schema: object | null } | null>(null);
  useEffect(() => {
    if (presetId === null) return;
    let current = true;
    void bodySchemaOf(presetId).then((found) => current && setSchema({ of: presetId, schema: found }));
    return () => {
      current = false;
    };
  }, [presetId]);
  return presetId !== null && schema?.of === presetId ? schema.schema : null;
}

export function RequestBodyEditor({ body, method, onChange, onChooseFile, onSubmit, reveal, schemaOf = null }: Props) {
  const schema = useBodySchema(body.kind === 'json' ? schemaOf : null);
  const text = body.kind === 'json' || body.kind === 'text' ? body.text : null;
  // The text survives a switch to "No body" and back, so a misclick loses nothing.
  const lastText = useRef('');
  if (text !== null) lastText.current = text;
  return (
    <section className="request-body" aria-label="Request body">
      <div className="request-body-head">
        <h2>Body</h2>
        <select
          data-testid="body-kind"
          aria-label="Body kind"
          value={body.kind}
          onChange={(event) => onChange(convert(event.target.value as RequestBodyKind, lastText.current))}
        >
          {KINDS.map(({ kind, label }) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </select>
        {body.kind === 'json' && (
          <button type="button" data-testid="body-format" title="Format the JSON (Shift+Alt+F)" onClick={() => onChange({ kind: 'json', text: formatJson(body.text) })}>
            Format
          </button>
        )}
        {body.kind !== 'none' && !methodTakesBody(method) && (
          <span className="body-not-sent" data-testid="body-not-sent">
            {method.toUpperCase()} requests are sent without a body
          </span>
        )}
      </div>
      {text !== null ? (
        <MonacoView
          testId="body"
          ariaLabel={body.kind === 'json' ? 'Request body (JSON)' : 'Request body (text)'}
          language={body.kind === 'json' ? 'json' : 'plaintext'}
          value={text}
          onChange={(next) => onChange({ kind: body.kind as 'json' | 'text', text: next })}
          // The editor's own text: typing then Ctrl+Enter at once must not send the body as it was a render ago.
          onSubmit={(next) => onSubmit({ kind: body.kind as 'json' | 'text', text: next })}
          onFormat={body.kind === 'json' ? (next) => onChange({ kind: 'json', text: formatJson(next) }) : undefined}
          reveal={reveal}
          schema={schema}
        />
      ) : body.kind === 'form' ? (
        <FormFieldsTable fields={body.fields} onChange={(fields) => onChange({ kind: 'form', fields })} />
      ) : body.kind === 'multipart' ? (
        <MultipartTable parts={body.parts} onChange={(parts) => onChange({ kind: 'multipart', parts })} onChooseFile={onChooseFile} />
      ) : (
        <p className="body-empty">This request sends no body.</p>
      )}
    </section>
  );
}

/** The body of the new kind, with the text last edited where the kind has text. */
function convert(kind: RequestBodyKind, text: string): RequestBody {
  switch (kind) {
    case 'json':
    case 'text':
      return { kind, text };
    case 'none':
      return { kind };
    case 'form':
      return { kind, fields: [] };
    case 'multipart':
      return { kind, parts: [] };
  }
}
