// The response filter's JSONPath is the standard one (RFC 9535): every case of the JSONPath Compliance Test Suite
// (tests/fixtures/jsonpath-cts, committed from jsonpath-standard/jsonpath-compliance-test-suite) answers as the suite
// says — the values in document order (or one of the orders allowed), and an invalid selector refused in words.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filterJson, jsonPathMatches } from '../../renderer/response/json/jsonFilter';

interface Case {
  name: string;
  selector: string;
  document?: unknown;
  result?: unknown[];
  results?: unknown[][];
  invalid_selector?: boolean;
}

const suite = JSON.parse(readFileSync(path.join(import.meta.dirname, '../fixtures/jsonpath-cts/cts.json'), 'utf8')) as { tests: Case[] };

describe('JSONPath: the compliance test suite (RFC 9535)', () => {
  it('holds all 703 cases', () => {
    expect(suite.tests).toHaveLength(703);
  });

  it('answers every case as the standard says', () => {
    const wrong: string[] = [];
    for (const test of suite.tests) {
      let values: unknown[] | 'refused';
      try {
        values = jsonPathMatches(test.document ?? null, test.selector).map((node) => node.value);
      } catch {
        values = 'refused';
      }
      const right = test.invalid_selector ? values === 'refused' : (test.results ?? [test.result]).some((allowed) => JSON.stringify(allowed) === JSON.stringify(values));
      if (!right) wrong.push(`${test.name}: ${test.selector}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('the response filter with the standard JSONPath', () => {
  const document = { store: { book: [{ title: 'A', price: 8 }, { title: 'B', price: 12 }, { title: 'C', price: 9.5 }] } };

  it('keeps expressions written in the older style valid', () => {
    const outcome = filterJson(document, '$..book[?(@.price<10)].title');
    expect(outcome).toMatchObject({ ok: true, matches: 2, paths: ['$.store.book[0].title', '$.store.book[2].title'] });
  });

  it('explains an expression the standard does not read, in words', () => {
    const outcome = filterJson(document, '$.store[');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatch(/^That is not a JSONPath \(RFC 9535\): /);
  });
});
