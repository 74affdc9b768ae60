// The request's parts under the URL bar, one at a time: query parameters, headers, body, checks (assertions, captures).
import { useState } from 'react';
import type { RequestBody, RequestDocument } from '../../shared/request';
import { userHeaders } from '../../shared/requestHeaders';
import { ChecksEditor } from './ChecksEditor';
import { QueryTable } from './QueryTable';
import { RequestBodyEditor } from './RequestBodyEditor';
import { RequestHeadersTable } from './RequestHeadersTable';

type Section = 'query' | 'headers' | 'body' | 'checks';

interface Props {
  request: RequestDocument;
  onChange(change: (request: RequestDocument) => RequestDocument): void;
  onChooseFile(): Promise<string | null>;
  onSubmitBody(body: RequestBody): void;
  reveal?: { line: number; column: number };
  /** The saved request the tab holds, if any: an imported operation's body is checked against its schema. */
  presetId?: string | null;
}

export function RequestEditor({ request, onChange, onChooseFile, onSubmitBody, reveal, presetId = null }: Props) {
  const [section, setSection] = useState<Section>('body');
  const counts: Record<Section, number> = {
    query: request.query.filter((param) => param.enabled).length,
    headers: userHeaders(request.headers).length,
    body: 0,
    checks: (request.assertions?.length ?? 0) + (request.captures?.length ?? 0),
  };
  const labels: Record<Section, string> = { query: 'Query', headers: 'Headers', body: 'Body', checks: 'Checks' };
  return (
    <section className="request-parts" aria-label="Request">
      <div className="request-sections" role="tablist" aria-label="Request parts">
        {(Object.keys(labels) as Section[]).map((name) => (
          <button key={name} type="button" role="tab" aria-selected={section === name} data-testid={`request-section-${name}`} onClick={() => setSection(name)}>
            {labels[name]}
            {counts[name] > 0 && <span className="section-count"> {counts[name]}</span>}
          </button>
        ))}
      </div>
      {section === 'query' && <QueryTable query={request.query} onChange={(query) => onChange((draft) => ({ ...draft, query }))} />}
      {section === 'headers' && <RequestHeadersTable document={request} onChange={(headers) => onChange((draft) => ({ ...draft, headers }))} />}
      {section === 'checks' && <ChecksEditor request={request} onChange={onChange} />}
      {section === 'body' && (
        <RequestBodyEditor
          body={request.body}
          method={request.method}
          onChange={(body) => onChange((draft) => ({ ...draft, body }))}
          onChooseFile={onChooseFile}
          onSubmit={onSubmitBody}
          reveal={reveal}
          schemaOf={request.schema && presetId ? presetId : null}
        />
      )}
    </section>
  );
}
