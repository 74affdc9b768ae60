// The Checks tab: the request's assertions (what its response must be) and captures (values kept for the following
// requests), one row each, saved with the request like any field. What would stop a save or a send shows below.
import { useState } from 'react';
import type { RequestDocument } from '../../shared/request';
import { checkResponseChecks, JSON_TYPES, type Assertion, type AssertionKind, type Capture } from '../../shared/responseChecks';
import { FieldError, TextInput } from '../ui';
import {
  expectedText,
  KIND_LABELS,
  OPERATOR_LABELS,
  operatorOf,
  operatorsOf,
  subjectOf,
  withChecks,
  withExpected,
  withKind,
  withOperator,
  withSource,
  withSubject,
  type Operator,
} from './checkRows';
import './request.css';

interface Props {
  request: RequestDocument;
  onChange(change: (request: RequestDocument) => RequestDocument): void;
}

export function ChecksEditor({ request, onChange }: Props) {
  const assertions = request.assertions ?? [];
  const captures = request.captures ?? [];
  const setAssertions = (rows: Assertion[]) => onChange((draft) => withChecks(draft, 'assertions', rows));
  const setCaptures = (rows: Capture[]) => onChange((draft) => withChecks(draft, 'captures', rows));
  const editAssertion = (index: number, row: Assertion) => setAssertions(assertions.map((old, at) => (at === index ? row : old)));
  const editCapture = (index: number, row: Capture) => setCaptures(captures.map((old, at) => (at === index ? row : old)));
  const checked = checkResponseChecks(request);

  return (
    <div className="checks-editor" data-testid="checks-editor">
      <table className="kv-table checks-table" aria-label="Assertions" data-testid="assertions-table">
        <caption>Assertions: what the response must be</caption>
        <colgroup>
          <col className="checks-col-kind" />
          <col />
          <col className="checks-col-operator" />
          <col className="checks-col-expected" />
          <col className="kv-col-narrow" />
        </colgroup>
        <tbody>
          {assertions.map((assertion, index) => (
            <AssertionRow
              key={index}
              index={index}
              assertion={assertion}
              onChange={(row) => editAssertion(index, row)}
              onRemove={() => setAssertions(assertions.filter((_, at) => at !== index))}
            />
          ))}
        </tbody>
      </table>
      <button type="button" data-testid="add-assertion" onClick={() => setAssertions([...assertions, { check: 'status', equals: 200 }])}>
        Add assertion
      </button>
      <table className="kv-table checks-table" aria-label="Captures" data-testid="captures-table">
        <caption>Captures: values kept for the next requests as {'{{variable}}'}</caption>
        <colgroup>
          <col className="checks-col-variable" />
          <col className="checks-col-source" />
          <col />
          <col className="checks-col-secret" />
          <col className="kv-col-narrow" />
        </colgroup>
        <tbody>
          {captures.map((capture, index) => (
            <CaptureRow
              key={index}
              index={index}
              capture={capture}
              onChange={(row) => editCapture(index, row)}
              onRemove={() => setCaptures(captures.filter((_, at) => at !== index))}
            />
          ))}
        </tbody>
      </table>
      <button type="button" data-testid="add-capture" onClick={() => setCaptures([...captures, { variable: '', json: '$.' }])}>
        Add capture
      </button>
      <p className="checks-help">
        Assertions are checked once the whole response has arrived, and shown beside it. A captured value is kept until Keypost quits, never in a
        file; one marked secret (or that looks like one) is never shown.
      </p>
      {!checked.ok && (
        <FieldError testId="checks-problem" alert={false}>
          {checked.error.message}
        </FieldError>
      )}
    </div>
  );
}

function AssertionRow({ index, assertion, onChange, onRemove }: { index: number; assertion: Assertion; onChange(row: Assertion): void; onRemove(): void }) {
  const label = `Assertion ${index + 1}`;
  const operator = operatorOf(assertion);
  const subject = subjectOf(assertion);
  const expected = expectedText(assertion);
  return (
    <tr data-testid="assertion-row">
      <td>
        <select aria-label={`${label} kind`} data-testid="assertion-kind" value={assertion.check} onChange={(event) => onChange(withKind(assertion, event.target.value as AssertionKind))}>
          {(Object.keys(KIND_LABELS) as AssertionKind[]).map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </td>
      <td>
        {subject !== null && (
          <TextInput
            aria-label={`${label} ${assertion.check === 'header' ? 'header name' : 'JSONPath'}`}
            data-testid="assertion-subject"
            placeholder={assertion.check === 'header' ? 'Content-Type' : '$.items[0].id'}
            value={subject}
            onChange={(text) => onChange(withSubject(assertion, text))}
          />
        )}
      </td>
      <td>
        <select aria-label={`${label} operator`} data-testid="assertion-operator" value={operator} onChange={(event) => onChange(withOperator(assertion, event.target.value as Operator))}>
          {operatorsOf(assertion.check).map((choice) => (
            <option key={choice} value={choice}>
              {OPERATOR_LABELS[choice]}
            </option>
          ))}
        </select>
      </td>
      <td>
        {operator === 'type' ? (
          <select aria-label={`${label} type`} data-testid="assertion-expected" value={expected ?? 'string'} onChange={(event) => onChange(withExpected(assertion, event.target.value)!)}>
            {JSON_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        ) : (
          expected !== null && <ExpectedInput label={`${label} expected value`} assertion={assertion} text={expected} onChange={onChange} />
        )}
      </td>
      <td className="kv-remove">
        <button type="button" data-testid="assertion-remove" aria-label={`Remove assertion ${index + 1}`} title="Remove" onClick={onRemove}>
          ×
        </button>
      </td>
    </tr>
  );
}

/** The expected value. A status code or a time half typed ("200, ") is kept here until it reads as one. */
function ExpectedInput({ label, assertion, text, onChange }: { label: string; assertion: Assertion; text: string; onChange(row: Assertion): void }) {
  const [typed, setTyped] = useState<{ text: string; for: string } | null>(null);
  // What was typed stays shown while it still stands for the value held (a change from elsewhere replaces it).
  const shown = typed && typed.for === text ? typed.text : text;
  const placeholder = assertion.check === 'status' ? '200, 201' : assertion.check === 'time' ? '500' : assertion.check === 'json' && operatorOf(assertion) === 'equals' ? '3, "text", true' : '';
  return (
    <TextInput
      aria-label={label}
      data-testid="assertion-expected"
      placeholder={placeholder}
      value={shown}
      onChange={(next) => {
        const row = withExpected(assertion, next);
        const held = row ? (expectedText(row) ?? '') : text;
        setTyped({ text: next, for: held });
        if (row) onChange(row);
      }}
    />
  );
}

function CaptureRow({ index, capture, onChange, onRemove }: { index: number; capture: Capture; onChange(row: Capture): void; onRemove(): void }) {
  const label = `Capture ${index + 1}`;
  const source = capture.header !== undefined ? 'header' : 'json';
  return (
    <tr data-testid="capture-row">
      <td>
        <TextInput
          aria-label={`${label} variable name`}
          data-testid="capture-variable"
          placeholder="userId"
          value={capture.variable}
          onChange={(text) => onChange({ ...capture, variable: text })}
        />
      </td>
      <td>
        <select aria-label={`${label} source`} data-testid="capture-source" value={source} onChange={(event) => onChange(withSource(capture, event.target.value as 'json' | 'header'))}>
          <option value="json">from JSONPath</option>
          <option value="header">from header</option>
        </select>
      </td>
      <td>
        <TextInput
          aria-label={`${label} ${source === 'json' ? 'JSONPath' : 'header name'}`}
          data-testid="capture-from"
          placeholder={source === 'json' ? '$.id' : 'X-Session'}
          value={capture.json ?? capture.header ?? ''}
          onChange={(text) => onChange(source === 'json' ? { ...capture, json: text } : { ...capture, header: text })}
        />
      </td>
      <td>
        <label className="checks-secret">
          <input
            type="checkbox"
            data-testid="capture-secret"
            checked={capture.secret === true}
            onChange={(event) => {
              const { secret: _secret, ...rest } = capture;
              onChange(event.target.checked ? { ...rest, secret: true } : rest);
            }}
          />{' '}
          secret
        </label>
      </td>
      <td className="kv-remove">
        <button type="button" data-testid="capture-remove" aria-label={`Remove capture ${index + 1}`} title="Remove" onClick={onRemove}>
          ×
        </button>
      </td>
    </tr>
  );
}
