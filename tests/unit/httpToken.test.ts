// The RFC 9110 token, the grammar of methods and header names, checked in one place for both.
import { describe, expect, it } from 'vitest';
import { isHttpToken } from '../../shared/httpToken';
import { checkHeaders } from '../../shared/requestChecks';
import { methodSchema } from '../../shared/request';
import { isMovable } from '../../shared/secrets';

describe('isHttpToken', () => {
  it.each(['GET', 'M-SEARCH', 'X-Api-Key', "!#$%&'*+-.^_`|~", 'a1'])('accepts %j', (text) => expect(isHttpToken(text)).toBe(true));
  it.each(['', 'X Api', 'X:Key', 'Ключ', 'a\n', '(x)', 'a/b', 'a"b'])('refuses %j', (text) => expect(isHttpToken(text)).toBe(false));
});

describe('its users agree', () => {
  it('a method, a header name and a movable secret header follow the same rule', () => {
    for (const text of ['PURGE', 'X Api', 'a/b', "x'y"]) {
      const token = isHttpToken(text);
      expect(methodSchema.safeParse(text).success).toBe(token);
      expect(checkHeaders([{ name: text, value: 'v', enabled: true }]).ok).toBe(token);
      expect(isMovable({ where: 'header', index: 0, name: text })).toBe(token);
    }
  });

  it('still caps a method at 32 characters, with the rule in words', () => {
    const refusal = methodSchema.safeParse('X'.repeat(33));
    expect(refusal.success).toBe(false);
    expect(refusal.error?.issues[0]?.message).toBe("A method is one word of letters, digits and !#$%&'*+-.^_`|~, such as GET or PURGE.");
  });
});
