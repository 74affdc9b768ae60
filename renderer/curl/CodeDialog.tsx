// Code: the request as a curl command, a fetch call or a Python script, to copy. Secrets are read from environment
// variables the snippet names; the page never puts a token in it (shared/codeExport/).
import { useMemo, useState } from 'react';
import { CODE_LANGUAGES, codeSnippet, type CodeLanguage } from '../../shared/codeExport/codeExport';
import type { RequestDocument } from '../../shared/request';
import { copyText } from '../ui/copyText';
import { FieldError, ModalFooter } from '../ui';
import { Modal } from '../ui/Modal';
import './code.css';

interface Props {
  request: RequestDocument;
  onClose(): void;
}

export function CodeDialog({ request, onClose }: Props) {
  const [language, setLanguage] = useState<CodeLanguage>('curl');
  const [copied, setCopied] = useState(false);
  const snippet = useMemo(() => codeSnippet(language, request), [language, request]);
  return (
    <Modal testId="code-dialog" title="Code for this request" onCancel={onClose}>
      <div className="code-tabs" role="tablist">
        {CODE_LANGUAGES.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={language === id}
            data-testid={`export-${id}`}
            onClick={() => {
              setLanguage(id);
              setCopied(false);
            }}
          >
            {label}
          </button>
        ))}
      </div>
      {snippet.ok ? (
        <pre className="export-code" data-testid="export-code" tabIndex={0}>
          {snippet.value}
        </pre>
      ) : (
        <FieldError testId="code-error">
          {snippet.error.message} {snippet.error.hint}
        </FieldError>
      )}
      <p className="modal-hint">
        Tokens and secret values are never written into the code: it reads them from the environment variables it names (KEYPOST_TOKEN for the credential
        “default”, KEYPOST_TOKEN_&lt;NAME&gt; for another, KEYPOST_SECRET_&lt;ROW&gt; for a secret header or query value): the names keypost run reads,
        listed in the README under “Secrets from environment variables”.
      </p>
      <ModalFooter
        leave={{ label: 'Close', onClick: onClose }}
        action={{ label: 'Copy', testId: 'code-copy', disabled: !snippet.ok, onClick: () => snippet.ok && void copyText(snippet.value).then(setCopied) }}
      >
        {copied && <span className="code-copied">Copied</span>}
      </ModalFooter>
    </Modal>
  );
}
