// The incremental JSON indexer (a body indexed while it arrives) against the one-pass reference (the indexer it replaced): the same lines, folds
// and errors whatever the chunks, complete lines early and unchanged later, errors as soon as their bytes arrive.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkedBytes } from '../../renderer/response/json/chunkedBytes';
import { IncrementalJsonIndex } from '../../renderer/response/json/incrementalIndex';
import { closingLine, indexJson, type IndexOutcome, type JsonLines, lineText, MAX_LINE_BYTES } from '../../renderer/response/json/jsonLines';
import { referenceIndexJson } from '../fixtures/referenceJsonIndex';

const encode = (text: string) => new TextEncoder().encode(text);
const bytesOf = (...parts: Array<string | number[]>) => {
  const chunks = parts.map((part) => (typeof part === 'string' ? encode(part) : Uint8Array.from(part)));
  const all = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
};

/** Inputs up to this size are also cut at every pair of split points. */
const SMALL = 40;
/** Up to this size, each prefix is also checked against every continuation (the error is reported exactly when decided). */
const CHECK_CONTINUATIONS = 120;
/** Folds are compared line by line (closingLine is a scan per line) up to this many lines. */
const FOLD_LINES = 2_000;
/** The tests that cut bodies everywhere take seconds: room on a busy machine. */
const HEAVY = 120_000;

/** What a user of an outcome can see: the error and its offset, or every line's start, depth and closing line. */
function summary(outcome: IndexOutcome) {
  if (!outcome.ok) return { error: outcome.error, offset: outcome.offset };
  const { lines } = outcome;
  const each = (of: (line: number) => number) => Array.from({ length: lines.count }, (_, line) => of(line));
  return {
    count: lines.count,
    tableCount: lines.table.count,
    starts: each((line) => lines.table.start(line)),
    depths: each((line) => lines.table.depth(line)),
    closing: lines.count <= FOLD_LINES ? each((line) => closingLine(lines, line)) : null,
    hasLongNumbers: lines.hasLongNumbers,
    bytes: lines.bytes.length,
  };
}

// Every kind of next byte a body can continue with; a prefix's outcome is decided when all of them give the same error.
const CONTINUATIONS = [
  ...['', ' ', '"', '0', '1', 'x', 'e', 'n', '.', ',', ':', ']', '}', '[', '{', '0000', '"]', '"}', 'ue]', 'e]', 'l]', '1]', ':1}', '\\'].map(encode),
  ...[[0x80, 0x80, 0x80], [0x90, 0x80, 0x80], [0xa0, 0x80, 0x80]].map((bytes) => Uint8Array.from(bytes)),
];

/** For each prefix length: the error every continuation of that prefix has (the indexer must report it), else null. */
function decidedErrors(bytes: Uint8Array): Array<string | null> {
  return Array.from({ length: bytes.length + 1 }, (_, received) => {
    const probe = new Uint8Array(received + 4);
    probe.set(bytes.subarray(0, received));
    const outcomes = CONTINUATIONS.map((more) => {
      probe.set(more, received);
      const outcome = referenceIndexJson(probe.slice(0, received + more.length));
      return outcome.ok ? 'valid' : `${outcome.error} @${outcome.offset}`;
    });
    return outcomes.every((outcome) => outcome === outcomes[0]) && outcomes[0] !== 'valid' ? outcomes[0]! : null;
  });
}

interface Expected {
  bytes: Uint8Array;
  outcome: IndexOutcome;
  /** The lines a complete prefix must agree with: the reference's for valid JSON (or for the document a body was cut from),
   *  else the lines the indexer found complete before the error when given the body in one chunk. */
  lines: JsonLines;
  /** Whether the indexer ends with exactly those lines complete (not so for a cut document's lines). */
  allLines: boolean;
  decided: Array<string | null> | null;
  /** summary(outcome), as JSON. */
  summary: string;
  /** lineText of `lines`, computed when first asked. */
  texts: string[];
}

function expectationsFor(bytes: Uint8Array, whole?: Uint8Array, continuations = true): Expected {
  const outcome = referenceIndexJson(bytes);
  // The whole-body path (indexJson: the body's own bytes in one go, as for a filter's matches) agrees too.
  expect(JSON.stringify(summary(indexJson(bytes)))).toBe(JSON.stringify(summary(outcome)));
  let lines: JsonLines;
  const source = whole ? referenceIndexJson(whole) : outcome;
  if (source.ok) lines = source.lines;
  else {
    const once = new IncrementalJsonIndex();
    once.push(bytes);
    once.end();
    lines = once.lines;
  }
  // (A prefix of valid JSON decides no error: that no error is reported early is checked for every body.)
  const decided = continuations && !outcome.ok && bytes.length <= CHECK_CONTINUATIONS ? decidedErrors(bytes) : null;
  return { bytes, outcome, lines, allLines: !whole, decided, summary: JSON.stringify(summary(outcome)), texts: [] };
}

const describeError = (error: IndexOutcome | null) => (error && !error.ok ? `${error.error} @${error.offset}` : null);

/** Feeds the body cut at `cuts` (ascending offsets), checking the partial answers after each chunk; answers end(). */
function feed(expected: Expected, cuts: number[]): IndexOutcome {
  const { bytes } = expected;
  const index = new IncrementalJsonIndex();
  let complete = 0;
  let reported: string | null = null;
  const bounds = [0, ...cuts, bytes.length];
  for (let chunk = 1; chunk < bounds.length; chunk++) {
    // Each part its own array, as the worker gets them.
    index.push(bytes.slice(bounds[chunk - 1], bounds[chunk]));
    checkPartial(expected, index, complete, reported, cuts);
    complete = index.lines.count;
    reported = describeError(index.error);
  }
  const outcome = index.end();
  checkPartial(expected, index, complete, reported, cuts, true);
  if (expected.allLines && index.lines.count !== expected.lines.count) expect(index.lines.count, `complete lines at the end, cuts ${cuts.join(',')}`).toBe(expected.lines.count);
  return outcome;
}

/** After each chunk (and after end()): what the indexer answers so far is part of what it will answer in the end. */
function checkPartial(expected: Expected, index: IncrementalJsonIndex, before: number, reportedBefore: string | null, cuts: number[], ended = false): void {
  const received = index.received;
  const lines = index.lines;
  const fail = (what: string, actual: unknown, wanted: unknown) => {
    const body = JSON.stringify(new TextDecoder().decode(expected.bytes.subarray(0, 80)));
    expect(actual, `${what} after ${received} bytes (cuts ${cuts.join(',')}) of ${body}`).toEqual(wanted);
  };
  if (lines.count < before) fail('complete lines never shrink', lines.count, before);
  if (lines.count > expected.lines.count) fail('no more complete lines than in the end', lines.count, expected.lines.count);
  // Complete lines keep their start and depth, and show the text they will show when the body is complete.
  // Before the end, `","` after the bytes received: lineText on a line that is not complete then ends (a string would
  // run on to the end of what has arrived) and shows what it read of them.
  let padded: JsonLines | undefined = ended ? lines : undefined;
  for (let line = before; line < lines.count; line++) {
    const actual = [lines.table.start(line), lines.table.depth(line)];
    const wanted = [expected.lines.table.start(line), expected.lines.table.depth(line)];
    if (actual[0] !== wanted[0] || actual[1] !== wanted[1]) fail(`line ${line} start and depth`, actual, wanted);
    // (Not 65,535 levels deep, where each line's text is 131,070 spaces and a bracket.)
    if (wanted[1]! < 1_000) {
      const text = (expected.texts[line] ??= lineText(expected.lines, line));
      if (!padded) {
        const bytes = new Uint8Array(received + 4);
        bytes.set(lines.bytes.range(0, received));
        bytes.set(encode('",",'), received);
        padded = { ...lines, bytes: ChunkedBytes.of(bytes) };
      }
      if (lineText(padded, line) !== text) fail(`line ${line} text`, lineText(padded, line), text);
    }
  }
  const error = describeError(index.error);
  if (reportedBefore !== null && error !== reportedBefore) fail('a reported error stays', error, reportedBefore);
  if (error !== null && error !== describeError(expected.outcome)) fail('the error reported early is the final one', error, describeError(expected.outcome));
  if (expected.decided && !ended && error !== expected.decided[received]) fail('the error is reported exactly when decided', error, expected.decided[received]);
}

function expectSame(expected: Expected, actual: IndexOutcome, cuts: string): void {
  const got = summary(actual);
  const received = actual.ok ? actual.lines.bytes.range(0, actual.lines.bytes.length) : null;
  if (received && !Buffer.from(received).equals(expected.bytes)) expect(received, `bytes, cut at ${cuts}`).toEqual(expected.bytes);
  if (JSON.stringify(got) !== expected.summary) expect(got, `cut at ${cuts}`).toEqual(JSON.parse(expected.summary));
}

/** Every single split point; for small bodies every pair of them too; and one byte at a time. */
function checkEverySplit(bytes: Uint8Array, whole?: Uint8Array): void {
  const expected = expectationsFor(bytes, whole, !whole);
  const n = bytes.length;
  for (let cut = 0; cut <= n; cut++) {
    expectSame(expected, feed(expected, [cut]), `${cut}`);
  }
  if (n <= SMALL && !whole) {
    for (let first = 0; first <= n; first++) {
      for (let second = first; second <= n; second++) {
        expectSame(expected, feed(expected, [first, second]), `${first},${second}`);
      }
    }
  }
  const everyByte = Array.from({ length: Math.max(n - 1, 0) }, (_, at) => at + 1);
  expectSame(expected, feed(expected, everyByte), 'every byte');
}

const DOC = {
  data: [
    { id: 1, name: 'Ada', tags: ['x', 'y'] },
    { id: 2, name: 'Grace', tags: [] },
    { id: 3, name: 'Linus', tags: ['z'], price: 9.5 },
  ],
  meta: { '0': 'zero', "it's": null, ключ: 'значение 😀', empty: {}, big: 1 },
  'a\\b': [[1, [2]], []],
};
const compactDoc = JSON.stringify(DOC).replace('"big":1', '"big":12345678901234567890');
/** Every kind of token, escape and multi-byte character in 90 bytes. */
const ALL_TOKENS = '{"a":[1,-2.5e+3,0,1E-7,true,false,null,"x\\u00e9y\\n\\"",{},[]],"é":{"b":"😀"},"c":[[ ]]}';

const VALID: Array<[string, Uint8Array]> = [
  ...['0', '-0', '7', '-12.5e+10', '1E-2', '0.0', 'true', 'false', 'null', '""', '"s"', '{}', '[]', '{ }', '[\r\n]', '[{}]', '[[]]'].map(
    (text) => [text, encode(text)] as [string, Uint8Array],
  ),
  ['nested objects and arrays', encode('{"a":{"b":{}},"c":[[[1]],[],{"d":[]}]}')],
  ['a compact document', encode(compactDoc)],
  ['a pretty document', encode(JSON.stringify(DOC, null, 2))],
  ['every token', encode(ALL_TOKENS)],
  ['whitespace and CRLF everywhere', encode(' \r\n\t{ "a" :\r\n[ 1 ,\t2 ]\r\n, "b" : { } , "c":"" }\r\n ')],
  ['escapes', encode('["\\u00e9\\"\\\\\\/\\b\\f\\n\\r\\t", "\\uD83D\\uDE00", {"k\\u0041": "\\u0000"}]')],
  ['multi-byte characters', encode('{"ключ":"значение 😀","☃":["é","𝄞"]}')],
  ['bytes that are not UTF-8 in strings', bytesOf('["', [0x80, 0xff, 0xc3], '", {"', [0xf0, 0x9f], '": "', [0xed, 0xa0, 0x80], '"}]')],
  ['big numbers', encode('[12345678901234567890123, -0.1000000000000000055511151231257827, 1e400, 123456789012345, 1234567890123456]')],
  ['numbers that are not long', encode('[0.000123456789012345, 1e300, 1.0, 100]')],
  ['a long number alone', encode('-0.00001234567890123456e-10')],
  ['deep nesting', encode(`${'['.repeat(60)}{"a":${'['.repeat(40)}${']'.repeat(40)}}${']'.repeat(60)}`)],
];

// Each cut at every one of its 10,000 bytes: the slowest cases, so few.
const LONG: Array<[string, Uint8Array]> = [
  ['a string longer than a line, of é and escapes', encode(JSON.stringify({ key: `${'é'.repeat(9)}"\\\u0001`.repeat(360), next: 1 }))],
  // `  "😀…😀",` is MAX_LINE_BYTES + 1 bytes: cut right before its comma.
  ['a string of emoji cut right before its comma', encode(`["${'😀'.repeat((MAX_LINE_BYTES - 4) / 4)}",1]`)],
  ['an unterminated long string', encode(`{"k": ["${'☃'.repeat(MAX_LINE_BYTES / 3 + 1)}`)],
];

const INVALID: Array<[string, Uint8Array]> = [
  ...[
    '',
    ' \r\n\t',
    '{"a": 1,}',
    '{"a" 1}',
    '{"a": "é", "b": tru}',
    '[1, 2\n  3]',
    '{"a": "tab\there"}',
    '{} {}',
    '{"data": [1, 2',
    '{\n  "data": {\n    "a":',
    '😀',
    '[tr',
    '{"a": "ab',
    '[1,]',
    '[}',
    '{]',
    '[01]',
    '[-]',
    '[-x]',
    '[1.]',
    '[1.e5]',
    '[1e]',
    '[1e+]',
    '[1e+-5]',
    '[.5]',
    '[+1]',
    '["\\x"]',
    '["\\u12G4"]',
    '["\\u12',
    '["ab\\',
    '["a\nb"]',
    '{"a":1}x',
    '{"a":1}}',
    '[1 2]',
    '{1:2}',
    '{"a",1}',
    '[nul]',
    '[nulll]',
    '[truex]',
    '[True]',
    '\uFEFF{}',
    '[é]',
    '["é", é]',
    '{"ключ": значение}',
    '[1,\r\n2,\r\n"\\uZZZZ"]',
    'nul',
    't',
    '-',
    '"',
    '[',
    '{',
    '{"a"',
    '{"a":',
    '[1',
    '[1,',
    '[ ',
    '{"a":[] ',
    '1 2',
    `["${'x'.repeat(100)}\\q"]`,
  ].map((text) => [JSON.stringify(text), encode(text)] as [string, Uint8Array]),
  ['a byte that is not UTF-8 as a value', bytesOf('[', [0x80], ']')],
  ['an emoji cut short as a value', bytesOf('[', [0xf0, 0x9f])],
  ['an emoji cut short after a key', bytesOf('{"a" ', [0xf0, 0x9f, 0x98])],
  ['a byte order mark alone', bytesOf([0xef, 0xbb, 0xbf])],
  ['an invalid UTF-8 lead byte', bytesOf('[1 ', [0xf4, 0x90, 0x80, 0x80], ']')],
];

describe('IncrementalJsonIndex', () => {
  it('indexes valid JSON of every shape to the same lines and folds, wherever the chunks are cut', () => {
    for (const [name, bytes] of VALID) {
      expect(referenceIndexJson(bytes).ok, name).toBe(true);
      checkEverySplit(bytes);
    }
  }, HEAVY);

  it('reports the same error at the same offset for invalid JSON, as soon as the bytes that decide it arrive', () => {
    for (const [name, bytes] of INVALID) {
      expect(referenceIndexJson(bytes).ok, name).toBe(false);
      checkEverySplit(bytes);
    }
  }, HEAVY);

  it('gives a body cut short at any byte the same error as the reference, and the lines it had complete', () => {
    for (const [text, step] of [
      [ALL_TOKENS, 1],
      [compactDoc, 3],
      [JSON.stringify(DOC, null, 2).replace(/\n/g, '\r\n'), 19],
    ] as const) {
      const whole = encode(text);
      for (let end = 0; end < whole.length; end += step) checkEverySplit(whole.subarray(0, end), whole);
    }
  }, HEAVY);

  it('cuts long strings, escapes and multi-byte characters at any byte the same way', () => {
    for (const [name, bytes] of LONG) {
      expect(bytes.length, name).toBeGreaterThan(MAX_LINE_BYTES);
      checkEverySplit(bytes);
    }
  }, HEAVY);

  it('refuses nesting deeper than 65,535 levels at the same bracket, and accepts exactly 65,535', () => {
    // The limit as a number here, not MAX_DEPTH: the reference imports that too, so agreeing with it proves no limit.
    // A level is an indentation level of the pretty lines: `0` inside n arrays is drawn n levels deep. (An empty
    // innermost `[]` is one line at its parent's level: it would not reach the limit.)
    const LEVELS = 65_535;
    const nested = (levels: number) => encode(`${'['.repeat(levels)}0${']'.repeat(levels)}`);
    const deepest = nested(LEVELS);
    const tooDeep = nested(LEVELS + 1);
    const inOneChunk = (bytes: Uint8Array) => {
      const index = new IncrementalJsonIndex();
      index.push(bytes);
      return index.end();
    };
    for (const outcome of [inOneChunk(deepest), indexJson(deepest)]) {
      expect(describeError(outcome)).toBeNull();
      // A line per bracket and one for the 0, drawn 65,535 levels deep.
      expect(outcome.ok && [outcome.lines.count, outcome.lines.table.depth(LEVELS)]).toEqual([2 * LEVELS + 1, LEVELS]);
    }
    // Refused at the bracket that opens level 65,536: byte offset 65,535.
    for (const outcome of [inOneChunk(tooDeep), indexJson(tooDeep)]) expect(describeError(outcome)).toMatch(/^Nested deeper than 65,535 levels.* @65535$/);

    for (const bytes of [deepest, tooDeep]) {
      const expected = expectationsFor(bytes);
      const n = bytes.length;
      // Every split point would be a billion steps: every 4001st, and every one around the deepest bracket.
      const cuts = Array.from({ length: n + 1 }, (_, at) => at).filter((at) => at % 4001 === 0 || Math.abs(at - 0xffff) < 8 || n - at < 8);
      for (const cut of cuts) expectSame(expected, feed(expected, [cut]), `${cut}`);
      expectSame(expected, feed(expected, Array.from({ length: n - 1 }, (_, at) => at + 1)), 'every byte');
    }
  }, HEAVY);

  it('agrees with the reference on random JSON, spaced any way, mutated or not, cut into random chunks', () => {
    const respaced = fc
      .tuple(fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }), fc.array(fc.constantFrom(' ', '\t', '\n', '\r\n', '  '), { maxLength: 5 }))
      .map(([value, spaces]) => {
        let turn = 0;
        return JSON.stringify(value, null, 1).replace(/\n */g, () => spaces[turn++ % Math.max(spaces.length, 1)] ?? '');
      });
    const jsonChars = fc.constantFrom(...'{}[],:"\\ \t\n0123456789.eE+-truefalsnul/bx\u00e9😀'.split(''));
    const mutated = fc.tuple(respaced, fc.nat(), fc.oneof(jsonChars, fc.constant('')), fc.boolean()).map(([text, at, char, replace]) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + char + text.slice(replace ? i + 1 : i);
    });
    const body = fc.oneof(respaced.map(encode), mutated.map(encode), fc.uint8Array({ maxLength: 12 }));
    fc.assert(
      fc.property(body, fc.array(fc.nat(), { maxLength: 6 }), (bytes, picks) => {
        const cuts = [...new Set(picks.map((pick) => pick % (bytes.length + 1)))].sort((a, b) => a - b);
        const expected = expectationsFor(bytes, undefined, bytes.length <= 64);
        expectSame(expected, feed(expected, cuts), cuts.join(','));
      }),
      { numRuns: 200 },
    );
  }, HEAVY);

  it('shows the lines of a document as it arrives, at most one behind the bytes received', () => {
    const whole = encode(JSON.stringify(DOC, null, 2));
    const full = referenceIndexJson(whole);
    if (!full.ok) throw new Error(full.error);
    const index = new IncrementalJsonIndex();
    for (let received = 1; received <= whole.length; received++) {
      index.push(whole.subarray(received - 1, received));
      let started = 0;
      while (started < full.lines.count && full.lines.table.start(started) < received) started++;
      expect(index.lines.count).toBeGreaterThanOrEqual(started - 1);
      expect(index.lines.count).toBeLessThanOrEqual(started);
    }
    expect(index.end()).toMatchObject({ ok: true });
  });

  it('reports an error at its byte when that byte arrives, with the lines before it still indexed', () => {
    const index = new IncrementalJsonIndex();
    const body = encode('{\n  "a": [1, 2],\n  "b": x, "c": 3}');
    const at = body.indexOf(0x78);
    index.push(body.subarray(0, at));
    expect(index.error).toBeNull();
    index.push(body.subarray(at, at + 1));
    expect(index.error).toEqual({ ok: false, error: "Expected a value but found 'x' at line 3, column 8", offset: at });
    expect(Array.from({ length: index.lines.count }, (_, line) => lineText(index.lines, line))).toEqual(['{', '  "a": [', '    1,', '    2', '  ],']);
    index.push(body.subarray(at + 1));
    expect(index.received).toBe(body.length);
    expect(index.end()).toEqual(referenceIndexJson(body));
  });

  it('keeps the body as the parts it came in, without copying a byte', () => {
    const body = encode(JSON.stringify(Array.from({ length: 400 }, () => DOC)));
    const size = 20_000;
    const parts = Array.from({ length: Math.ceil(body.length / size) }, (_, k) => body.slice(size * k, size * (k + 1)));
    const index = new IncrementalJsonIndex();
    for (const part of parts) index.push(part);
    const outcome = index.end();
    if (!outcome.ok) throw new Error(outcome.error);
    // What the views read is each part itself: the same memory, not a copy of it.
    expect(parts.length).toBeGreaterThan(3);
    expect([...outcome.lines.bytes.segments()].every(({ bytes }, k) => bytes.buffer === parts[k]!.buffer)).toBe(true);
    expect(outcome.lines.bytes.range(size, 2 * size).buffer).toBe(parts[1]!.buffer);
    expect(() => index.push(body)).toThrow(/already ended/);
  });
});
