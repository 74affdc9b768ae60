// What the user typed: URL, JSON body and token checks, shared by the UI and main.
import { describe, expect, it } from 'vitest';
import { checkJsonBody, checkToken, checkUrl } from '../../shared/requestChecks';

const codeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error!.code);

describe('checkUrl', () => {
  it.each([
    ['https://api.example.com/items?x=1', 'ok'],
    ['http://127.0.0.1:8080/', 'ok'],
    ['  https://padded.example/  ', 'ok'],
    ['', 'INVALID_URL'],
    ['api.example.com/items', 'INVALID_URL'],
    ['not a url', 'INVALID_URL'],
    ['ftp://example.com/', 'UNSUPPORTED_SCHEME'],
    ['file:///etc/passwd', 'UNSUPPORTED_SCHEME'],
    ['javascript:alert(1)', 'UNSUPPORTED_SCHEME'],
    ['https://user:pw@example.com/', 'INVALID_URL'],
    ['https://example.com/\r\nX-Evil: 1', 'HEADER_INJECTION'],
  ])('%j -> %s', (url, expected) => {
    expect(codeOf(checkUrl(url))).toBe(expected);
  });
});

describe('checkJsonBody', () => {
  it('accepts valid JSON and an empty body', () => {
    expect(checkJsonBody('{"a": [1, 2, {"b": null}]}').ok).toBe(true);
    expect(checkJsonBody('   ').ok).toBe(true);
  });

  it('points at the line and column of the first error', () => {
    const result = checkJsonBody('{\n  "a": 1,\n  "b": }');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_JSON');
    expect(result.error.position).toEqual({ line: 3, column: 8 });
    expect(result.error.message).toContain('line 3, column 8');
  });

  it('rejects comments and trailing commas, which servers reject too', () => {
    expect(codeOf(checkJsonBody('{"a": 1,}'))).toBe('INVALID_JSON');
    expect(codeOf(checkJsonBody('{"a": 1 // note\n}'))).toBe('INVALID_JSON');
  });
});

describe('checkToken', () => {
  it('accepts an ordinary token and refuses header injection', () => {
    expect(checkToken('eyJhbGciOi.abc-def_123').ok).toBe(true);
    expect(codeOf(checkToken('abc\r\nX-Admin: true'))).toBe('HEADER_INJECTION');
    expect(codeOf(checkToken('abc\n'))).toBe('HEADER_INJECTION');
    expect(codeOf(checkToken('   '))).toBe('NO_TOKEN');
  });
});
