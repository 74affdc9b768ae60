// The one evaluator of a request's assertions and captures, for the app and `keypost run` alike (both send through
// createSendApi, which calls it once the whole body has arrived). JSONPath is RFC 9535 (json-p3), as in the response
// filter. Nothing here shows a value that looks like a secret: such a "got …" or captured value is replaced by words.
import { JSONPathError, query } from 'json-p3';
import type { SendResult } from '../../../shared/http';
import type { RequestDocument } from '../../../shared/request';
import {
  describeAssertion,
  patternOf,
  type Assertion,
  type AssertionResult,
  type CaptureResult,
  type CheckResults,
  type JsonType,
} from '../../../shared/responseChecks';
import type { ReceivedBody } from '../body/responseBody';
import { findSecretsInValues } from '../collections/secretGuard';

/** Bodies above this are not parsed for JSONPath (main would stop answering while it parses). */
export const JSON_CHECK_MAX_BYTES = 20 * 1024 * 1024;
/** A "got …" is cut to this many characters. */
const GOT_MAX = 120;

export interface CapturedValue {
  variable: string;
  value: string;
  secret: boolean;
}

export interface Evaluated {
  results: CheckResults;
  /** The values to keep for the following requests (secret ones too: only their showing is withheld). */
  captured: CapturedValue[];
}

/** The parsed JSON body, or why there is none to look into. */
type JsonBody = { ok: true; value: unknown } | { ok: false; why: string };

/** Evaluates the request's assertions and captures against a complete response; null when it declares none. */
/** `expected`: the request's assertions with {{variables}} resolved, compared with the response; each is described as
 *  written in the request. */
export async function evaluateChecks(request: RequestDocument, response: SendResult, body: ReceivedBody | null, expected = request.assertions): Promise<Evaluated | null> {
  const assertions = request.assertions ?? [];
  const captures = request.captures ?? [];
  if (assertions.length === 0 && captures.length === 0) return null;
  let parsed: JsonBody | undefined;
  const json = () => (parsed ??= jsonBody(response, body));

  const results = assertions.map((written, index) => assess(written, expected?.[index] ?? written, response, json));
  const found = captures.map((capture): { value: string } | { why: string } => {
    if (capture.header !== undefined) {
      const value = headerValue(response, capture.header);
      return value === null ? { why: `the response has no ${capture.header} header` } : { value };
    }
    const document = json();
    if (!document.ok) return { why: document.why };
    const nodes = matches(document.value, capture.json!);
    if (!nodes.ok) return { why: nodes.why };
    if (nodes.values.length === 0) return { why: `nothing matched ${capture.json}` };
    const first = nodes.values[0];
    return { value: typeof first === 'string' ? first : JSON.stringify(first) };
  });

  // One scan for every value about to be shown: a captured value or a "got …" that looks like a secret is withheld.
  const shown = [
    ...found.map((outcome, index) => ({ name: captures[index]!.variable, value: 'value' in outcome ? outcome.value : '' })),
    ...results.map((result) => ({ name: 'got', value: result.detail ?? '' })),
  ];
  const secretRows = new Set((await findSecretsInValues(shown)).map(({ index }) => index));
  const withheld = results.map((result, index): AssertionResult =>
    secretRows.has(found.length + index) ? { ...result, detail: 'got a value that looks like a secret (not shown)' } : result,
  );
  const captureResults: CaptureResult[] = [];
  const captured: CapturedValue[] = [];
  found.forEach((outcome, index) => {
    const { variable, secret: flagged } = captures[index]!;
    if (!('value' in outcome)) {
      captureResults.push({ variable, captured: false, secret: flagged === true, detail: outcome.why });
      return;
    }
    const secret = flagged === true || secretRows.has(index);
    captured.push({ variable, value: outcome.value, secret });
    captureResults.push({ variable, captured: true, secret, ...(secret ? {} : { value: outcome.value }) });
  });
  return { results: { assertions: withheld, captures: captureResults }, captured };
}

function assess(written: Assertion, assertion: Assertion, response: SendResult, json: () => JsonBody): AssertionResult {
  const words = describeAssertion(written);
  const passed = (): AssertionResult => ({ words, outcome: 'passed' });
  const failed = (detail: string): AssertionResult => ({ words, outcome: 'failed', detail });
  switch (assertion.check) {
    case 'status': {
      const allowed = Array.isArray(assertion.equals) ? assertion.equals : [assertion.equals];
      return allowed.includes(response.status) ? passed() : failed(`got ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    }
    case 'time':
      return response.elapsedMs < assertion.below ? passed() : failed(`took ${Math.round(response.elapsedMs)} ms`);
    case 'header': {
      const value = headerValue(response, assertion.name);
      if (assertion.exists !== undefined) {
        if ((value !== null) === assertion.exists) return passed();
        return failed(value === null ? 'the response has no such header' : `got ${quoted(value)}`);
      }
      if (value === null) return failed('the response has no such header');
      if (assertion.equals !== undefined) return value === assertion.equals ? passed() : failed(`got ${quoted(value)}`);
      return patternOf(assertion.matches!).test(value) ? passed() : failed(`got ${quoted(value)}`);
    }
    case 'json': {
      const document = json();
      if (!document.ok) return { words, outcome: 'notChecked', detail: document.why };
      const nodes = matches(document.value, assertion.path);
      if (!nodes.ok) return { words, outcome: 'notChecked', detail: nodes.why };
      const { values } = nodes;
      if (assertion.exists !== undefined) {
        if ((values.length > 0) === assertion.exists) return passed();
        return failed(values.length === 0 ? 'nothing matched' : `got ${shownJson(values.length === 1 ? values[0] : values)}`);
      }
      if (values.length === 0) return failed('nothing matched');
      // One match is compared as itself; several as the list of them, in document order.
      const actual = values.length === 1 ? values[0] : values;
      if (assertion.equals !== undefined) return sameJson(actual, assertion.equals) ? passed() : failed(`got ${shownJson(actual)}`);
      if (assertion.matches !== undefined) {
        if (typeof actual !== 'string') return failed(`got ${shownJson(actual)}, which is not a string`);
        return patternOf(assertion.matches).test(actual) ? passed() : failed(`got ${shownJson(actual)}`);
      }
      const type = jsonTypeOf(actual);
      const wanted = assertion.type!;
      return type === wanted || (wanted === 'number' && type === 'integer') ? passed() : failed(`got ${type === 'integer' ? 'an integer' : `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`} (${shownJson(actual)})`);
    }
  }
}

function jsonBody(response: SendResult, body: ReceivedBody | null): JsonBody {
  if (!body || body.where === 'file') return { ok: false, why: 'the body passed the size limit and went to a file' };
  if (body.sizeBytes > JSON_CHECK_MAX_BYTES) return { ok: false, why: `the body is larger than ${JSON_CHECK_MAX_BYTES / 1024 / 1024} MB` };
  if (body.sizeBytes === 0) return { ok: false, why: 'the response has no body' };
  try {
    return { ok: true, value: JSON.parse(body.bytes().toString('utf8').replace(/^\uFEFF/, '')) as unknown };
  } catch {
    return { ok: false, why: `the body is not JSON${response.contentType ? ` (it is ${response.contentType})` : ''}` };
  }
}

/** The values `path` selects, in document order. The path was checked before the send; this is the last guard. */
function matches(document: unknown, path: string): { ok: true; values: unknown[] } | { ok: false; why: string } {
  try {
    return { ok: true, values: query(path.trim(), document as Parameters<typeof query>[1]).values() };
  } catch (error) {
    if (error instanceof JSONPathError) return { ok: false, why: `${path} is not a JSONPath (RFC 9535)` };
    throw error;
  }
}

/** The header's value (several of one name joined by ", ", as RFC 9110 joins them); null when absent. */
function headerValue(response: SendResult, name: string): string | null {
  const wanted = name.toLowerCase();
  const values = response.headers.filter(([key]) => key.toLowerCase() === wanted).map(([, value]) => value);
  return values.length === 0 ? null : values.join(', ');
}

function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string' || typeof value === 'boolean') return typeof value as JsonType;
  return 'object';
}

/** Equal as JSON: the same values, objects whatever the order of their keys. */
const sameJson = (a: unknown, b: unknown) => JSON.stringify(sortedKeys(a)) === JSON.stringify(sortedKeys(b));
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]),
  );
}

const cut = (text: string) => (text.length > GOT_MAX ? `${text.slice(0, GOT_MAX)}…` : text);
const shownJson = (value: unknown) => cut(JSON.stringify(value));
const quoted = (value: string) => `“${cut(value)}”`;
