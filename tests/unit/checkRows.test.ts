// The Checks tab's edits (renderer/request/checkRows.ts) and the page's captured names (capturedState.ts), in Node:
// what a user types becomes the document the file holds, and a captured {{name}} resolves in the page (a secret one
// as a placeholder, never its value).
import { describe, expect, it } from 'vitest';
import { blankRequest } from '../../shared/request';
import type { Assertion } from '../../shared/responseChecks';
import { expectedText, jsonFieldText, jsonFieldValue, operatorOf, withChecks, withExpected, withKind, withOperator, withSource } from '../../renderer/request/checkRows';
import { captured, withCaptured } from '../../renderer/environments/capturedState';

describe('an assertion row', () => {
  it('takes a status code or a list of them, and holds nothing while one is half typed', () => {
    const status: Assertion = { check: 'status', equals: 200 };
    expect(withExpected(status, '201')).toEqual({ check: 'status', equals: 201 });
    expect(withExpected(status, '200, 204')).toEqual({ check: 'status', equals: [200, 204] });
    expect(withExpected(status, '2')).toBeNull();
    expect(withExpected(status, 'ok')).toBeNull();
    expect(expectedText({ check: 'status', equals: [200, 204] })).toBe('200, 204');
  });

  it('reads an expected JSON value as JSON, and text that is not JSON as a string, showing each back as typed', () => {
    for (const [typed, value] of [['3', 3], ['"3"', '3'], ['true', true], ['[1, 2]', [1, 2]], ['Ada', 'Ada'], ['{"a":', '{"a":']] as const) {
      expect(jsonFieldValue(typed)).toEqual(value);
    }
    expect(jsonFieldText('3')).toBe('"3"');
    expect(jsonFieldText('Ada')).toBe('Ada');
    expect(jsonFieldText({ a: 1 })).toBe('{"a":1}');
  });

  it('keeps the JSONPath when its operator changes, and says one operator only', () => {
    const row: Assertion = { check: 'json', path: '$.total', exists: true };
    expect(withOperator(row, 'equals')).toEqual({ check: 'json', path: '$.total', equals: '' });
    expect(withOperator(row, 'type')).toEqual({ check: 'json', path: '$.total', type: 'string' });
    expect(operatorOf(withOperator(row, 'absent'))).toBe('absent');
    expect(withKind(row, 'header')).toEqual({ check: 'header', name: '', exists: true });
    expect(withKind(row, 'time')).toEqual({ check: 'time', below: 1000 });
  });

  it('leaves the key out of the document when the last row goes, so the draft equals a request that never had any', () => {
    const request = withChecks(blankRequest(), 'assertions', [{ check: 'time', below: 5 }]);
    expect(request.assertions).toHaveLength(1);
    expect('assertions' in withChecks(request, 'assertions', [])).toBe(false);
  });

  it('moves a capture from a JSONPath to a header, keeping what was typed and the secret mark', () => {
    expect(withSource({ variable: 's', json: 'X-Session', secret: true }, 'header')).toEqual({ variable: 's', header: 'X-Session', secret: true });
  });
});

describe('captured names in the page', () => {
  it('resolve over the environment, a secret one as a placeholder, and a later capture replaces an earlier one', () => {
    let state = captured({}, [
      { variable: 'userId', captured: true, secret: false, value: 'u-1' },
      { variable: 'token', captured: true, secret: true },
      { variable: 'missing', captured: false, secret: false, detail: 'nothing matched $.x' },
    ]);
    state = captured(state, [{ variable: 'userId', captured: true, secret: false, value: 'u-2' }]);
    expect(state).toEqual({ userId: 'u-2', token: null });
    const values = withCaptured(new Map([['userId', 'from-env'], ['base', 'http://x']]), state, (name) => `[${name}]`);
    expect([...values]).toEqual([
      ['userId', 'u-2'],
      ['base', 'http://x'],
      ['token', '[token]'],
    ]);
  });
});
