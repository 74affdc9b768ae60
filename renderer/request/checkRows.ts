// The Checks tab's rows as the request document holds them (shared/responseChecks.ts): which operators each kind of
// assertion offers, and the edits a row makes (a kind or operator chosen, an expected value typed). Pure functions.
import type { RequestDocument } from '../../shared/request';
import type { Assertion, AssertionKind, Capture, JsonType } from '../../shared/responseChecks';

export type Operator = 'equals' | 'exists' | 'absent' | 'matches' | 'type' | 'below';

export const KIND_LABELS: Record<AssertionKind, string> = { status: 'Status', header: 'Header', json: 'JSON body', time: 'Time' };
export const OPERATOR_LABELS: Record<Operator, string> = {
  equals: 'equals',
  exists: 'exists',
  absent: 'is absent',
  matches: 'matches (regex)',
  type: 'is of type',
  below: 'is below (ms)',
};

export const operatorsOf = (kind: AssertionKind): Operator[] =>
  kind === 'status' ? ['equals'] : kind === 'time' ? ['below'] : kind === 'header' ? ['exists', 'absent', 'equals', 'matches'] : ['exists', 'absent', 'equals', 'matches', 'type'];

export function operatorOf(assertion: Assertion): Operator {
  if (assertion.check === 'status') return 'equals';
  if (assertion.check === 'time') return 'below';
  if (assertion.exists !== undefined) return assertion.exists ? 'exists' : 'absent';
  if (assertion.matches !== undefined) return 'matches';
  if (assertion.check === 'json' && assertion.type !== undefined) return 'type';
  return 'equals';
}

/** A new row of this kind, keeping the header name or JSONPath already typed where the kind has one. */
export function withKind(assertion: Assertion, kind: AssertionKind): Assertion {
  const subject = assertion.check === 'header' ? assertion.name : assertion.check === 'json' ? assertion.path : '';
  switch (kind) {
    case 'status':
      return { check: 'status', equals: 200 };
    case 'time':
      return { check: 'time', below: 1000 };
    case 'header':
      return { check: 'header', name: assertion.check === 'header' ? subject : '', exists: true };
    case 'json':
      return { check: 'json', path: assertion.check === 'json' ? subject : '$.', exists: true };
  }
}

export function withOperator(assertion: Assertion, operator: Operator): Assertion {
  if (assertion.check === 'status' || assertion.check === 'time') return assertion;
  const base = assertion.check === 'header' ? { check: 'header' as const, name: assertion.name } : { check: 'json' as const, path: assertion.path };
  if (operator === 'exists' || operator === 'absent') return { ...base, exists: operator === 'exists' };
  if (operator === 'type' && base.check === 'json') return { ...base, type: 'string' };
  if (operator === 'matches') return { ...base, matches: '' };
  return { ...base, equals: '' };
}

/** The header name or JSONPath a row looks at; null for a kind that has none. */
export const subjectOf = (assertion: Assertion): string | null =>
  assertion.check === 'header' ? assertion.name : assertion.check === 'json' ? assertion.path : null;

export function withSubject(assertion: Assertion, text: string): Assertion {
  if (assertion.check === 'header') return { ...assertion, name: text };
  if (assertion.check === 'json') return { ...assertion, path: text };
  return assertion;
}

/** The expected value as the row's field shows it; null when the operator takes none (exists, is absent). */
export function expectedText(assertion: Assertion): string | null {
  switch (assertion.check) {
    case 'status':
      return Array.isArray(assertion.equals) ? assertion.equals.join(', ') : String(assertion.equals);
    case 'time':
      return String(assertion.below);
    case 'header':
      return assertion.equals ?? assertion.matches ?? null;
    case 'json':
      if (assertion.matches !== undefined) return assertion.matches;
      if (assertion.type !== undefined) return assertion.type;
      return assertion.equals === undefined ? null : jsonFieldText(assertion.equals);
  }
}

/** The row with the expected value typed; null while the text is not one yet (a status code half typed). */
export function withExpected(assertion: Assertion, text: string): Assertion | null {
  switch (assertion.check) {
    case 'status': {
      const codes = text.split(/[\s,]+/).filter(Boolean).map(Number);
      if (codes.length === 0 || codes.some((code) => !Number.isInteger(code) || code < 100 || code > 599)) return null;
      return { check: 'status', equals: codes.length === 1 ? codes[0]! : codes };
    }
    case 'time': {
      const below = Number(text);
      return text.trim() !== '' && Number.isFinite(below) && below >= 0 ? { check: 'time', below } : null;
    }
    case 'header':
      return assertion.matches !== undefined ? { ...assertion, matches: text } : { ...assertion, equals: text };
    case 'json':
      if (assertion.matches !== undefined) return { ...assertion, matches: text };
      if (assertion.type !== undefined) return { ...assertion, type: text as JsonType };
      return { ...assertion, equals: jsonFieldValue(text) };
  }
}

/** An expected JSON value is typed as JSON (3, true, "3", [1, 2]); text that is not JSON is a string, as typed. */
export function jsonFieldValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The field's text for a value: a string that does not read as JSON shows as it is, anything else as JSON. */
export function jsonFieldText(value: unknown): string {
  if (typeof value === 'string' && jsonFieldValue(value) === value) return value;
  return JSON.stringify(value);
}

/** The capture taking its value from the other source, with the text typed so far. */
export function withSource(capture: Capture, source: 'json' | 'header'): Capture {
  const text = capture.json ?? capture.header ?? '';
  const { variable, secret } = capture;
  return { variable, ...(source === 'json' ? { json: text } : { header: text }), ...(secret ? { secret } : {}) };
}

/** The document with these rows; none at all leaves the key out, as a request that never had any. */
export function withChecks(document: RequestDocument, key: 'assertions' | 'captures', rows: Assertion[] | Capture[]): RequestDocument {
  const { [key]: _old, ...rest } = document;
  return rows.length === 0 ? rest : { ...rest, [key]: rows };
}
