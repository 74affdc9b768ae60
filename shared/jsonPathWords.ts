// JSONPath (RFC 9535, json-p3) in Keypost's words: whether an expression reads, and why not, never json-p3's own text.
// The response filter, assertions and captures all say it the same way.
import { compile, JSONPathError } from 'json-p3';

export const JSONPATH_EXAMPLE = '$.items[?(@.price < 10)].id';

/**
 * json-p3's message ("unclosed bracketed selection ('$.store[':8)") in a sentence: where the expression stops reading,
 * and what was wrong there when the message says it plainly (a lexer's inner words, such as "backup", are left out).
 */
export function notJsonPath(message: string): string {
  const at = /\('.*':(\d+)\)$/.exec(message);
  const what = message.replace(/\s*\('.*':\d+\)$/, '').trim();
  const plain = what !== '' && !/backup|token kind/i.test(what);
  return `That is not a JSONPath (RFC 9535)${at ? `: it stops reading at character ${at[1]}` : ''}${plain ? ` (${what})` : ''}. Example: ${JSONPATH_EXAMPLE}`;
}

/** Why `expression` is not a JSONPath, in words; null when it reads. */
export function jsonPathProblem(expression: string): string | null {
  if (!expression.trim().startsWith('$')) return `A JSONPath starts with $, for example ${JSONPATH_EXAMPLE}`;
  try {
    compile(expression.trim());
    return null;
  } catch (error) {
    if (error instanceof JSONPathError) return notJsonPath(error.message);
    throw error;
  }
}
