// Syntax colours and find marks for one line of a body view, as plain segments the page renders as text
// (never as HTML: the body is hostile data).
export type Language = 'json' | 'html' | 'xml' | 'plain';

export interface Segment {
  text: string;
  /** Token class (json-key, json-string, json-number, json-literal, punct, tag, comment), or '' for plain text. */
  token: string;
  /** Part of a find match. */
  mark?: boolean;
}

const JSON_TOKENS = /("(?:[^"\\]|\\.)*")(?=\s*:)|("(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b|([{}[\],:])/g;
const JSON_CLASSES = ['json-key', 'json-string', 'json-number', 'json-literal', 'punct'];
const MARKUP_TOKENS = /(<!--.*?(?:-->|$))|(<\/?[A-Za-z!?][^>]*>?)/g;
const MARKUP_CLASSES = ['comment', 'tag'];

export function tokenize(text: string, language: Language): Segment[] {
  if (language === 'plain') return [{ text, token: '' }];
  const [pattern, classes] = language === 'json' ? [JSON_TOKENS, JSON_CLASSES] : [MARKUP_TOKENS, MARKUP_CLASSES];
  const segments: Segment[] = [];
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > at) segments.push({ text: text.slice(at, match.index), token: '' });
    const group = match.slice(1).findIndex((part) => part !== undefined);
    segments.push({ text: match[0], token: classes[group] ?? '' });
    at = match.index + match[0].length;
  }
  if (at < text.length) segments.push({ text: text.slice(at), token: '' });
  return segments;
}

/** A–Z only, as find folds case: the length never changes, so positions in the folded line are positions in the line. */
const asciiLower = (text: string) => text.replace(/[A-Z]/g, (char) => char.toLowerCase());

/** Splits segments where `query` occurs in the line, marking the matched parts. */
export function markMatches(segments: Segment[], query: string, matchCase: boolean): Segment[] {
  if (query === '') return segments;
  const line = segments.map((segment) => segment.text).join('');
  const haystack = matchCase ? line : asciiLower(line);
  const needle = matchCase ? query : asciiLower(query);
  const ranges: Array<[number, number]> = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) ranges.push([at, at + needle.length]);
  if (ranges.length === 0) return segments;
  const marked: Segment[] = [];
  let start = 0;
  for (const segment of segments) {
    const end = start + segment.text.length;
    let at = start;
    for (const [from, to] of ranges) {
      if (to <= at || from >= end) continue;
      if (from > at) marked.push({ ...segment, text: line.slice(at, from) });
      const stop = Math.min(to, end);
      marked.push({ ...segment, text: line.slice(Math.max(from, at), stop), mark: true });
      at = stop;
    }
    if (at < end) marked.push({ ...segment, text: line.slice(at, end) });
    start = end;
  }
  return marked;
}
