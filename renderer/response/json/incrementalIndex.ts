// The JSON body's indexer: fed in chunks as the body arrives (or a whole body at once: indexJson), it validates and
// indexes the pretty lines as the bytes come, can answer the lines that are complete so far (the first screen) at any
// moment, and after end() gives the LineTable, long-number flag, and first error (message and offset) of the whole.
// An error is reported as soon as the bytes that decide it have arrived, and what came before stays indexed.
// Line breaks follow JSON.stringify(value, null, 2): after `{` `[` `,`, before `}` `]`; `{}` and `[]` stay whole.
//
// Memory: the indexer keeps the body's parts as they came (ChunkedBytes), without copying them: the body plus the
// LineTable, nothing per chunk. The scan reads the newest part in place; the few reads that look back past its start
// (a literal, an escape or a bracket that began in the part before) go through ChunkedBytes.at.
//
// The property test (tests/unit/incrementalIndex.test.ts) checks it, chunk boundary by chunk boundary, against the
// one-pass indexer it replaced (tests/fixtures/referenceJsonIndex.ts), a second implementation kept as the reference.
// The difference is that every place that one reads past the body's end (a string, number or literal running to the
// end, the whitespace after `[`, an escape, the character named in a message) waits here for more bytes, until end().
import { ChunkedBytes } from './chunkedBytes';
import { BACKSLASH, CLOSE_ARRAY, CLOSE_OBJECT, COLON, COMMA, isClose, isDigit, isWhitespace, MAX_DEPTH, MINUS, OPEN_ARRAY, OPEN_OBJECT, QUOTE } from './jsonBytes';
import { type IndexOutcome, type JsonLines, LineTable } from './lineTable';

const PLUS = 0x2b;
const ZERO = 0x30;
const NINE = 0x39;
const DOT = 0x2e;
const CUT_SHORT = 'Unexpected end of the body (is it cut short?)';

const isHex = (b: number) => isDigit(b) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
const isExponent = (b: number) => b === 0x65 || b === 0x45;
const SIMPLE_ESCAPES = new Set(Array.from('"\\/bfnrt', (char) => char.charCodeAt(0)));
const [TRUE, FALSE, NULL] = ['true', 'false', 'null'].map((word) => new TextEncoder().encode(word)) as [Uint8Array, Uint8Array, Uint8Array];

/** Past the closing quote of a string whose text starts at k, if it has no escape or control character and ends
 *  within `bytes`; else -1. */
function plainStringEnd(bytes: Uint8Array, k: number): number {
  const n = bytes.length;
  let b = 0;
  while (k < n && (b = bytes[k]!) !== QUOTE && b !== BACKSLASH && b >= 0x20) k++;
  return k < n && b === QUOTE ? k + 1 : -1;
}

/** Past an integer without sign, point or exponent whose second digit is at k (its first is 1–9), if something
 *  other than a digit follows it within `bytes`; else -1. */
function plainIntegerEnd(bytes: Uint8Array, k: number): number {
  const n = bytes.length;
  while (k < n && isDigit(bytes[k]!)) k++;
  return k < n && bytes[k] !== DOT && !isExponent(bytes[k]!) ? k : -1;
}

/** Returned by a token's scanner when the token runs to the end of what has arrived. */
const MORE = -1;

const enum Expect {
  Value,
  Key,
  Colon,
  CommaOrClose,
}

/** The token being read when the bytes ran out: the scan resumes inside it. */
const enum Token {
  None,
  String,
  Number,
  Literal,
  /** `{` or `[`: looking past whitespace for the bracket that would make it empty. */
  Open,
}

/** Where a number is in -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?, named for what comes next. */
const enum NumberPart {
  Integer,
  IntegerDigits,
  AfterInteger,
  Fraction,
  FractionDigits,
  Exponent,
  ExponentSign,
  ExponentFirstDigit,
  ExponentDigits,
}

/** The first problem in the body, at `offset`. */
class Failure {
  constructor(
    readonly reason: string,
    readonly offset: number,
    /** The message ends "but found 'c'", c being the character at offset, which may not have arrived yet. */
    readonly namesCharacter = false,
  ) {}
}

const unexpected = (at: number, wanted: string) => new Failure(`Expected ${wanted}`, at, true);

export class IncrementalJsonIndex {
  private readonly store = new ChunkedBytes();
  /** The part being scanned, and where it starts in the body. */
  private part: Uint8Array = new Uint8Array(0);
  private base = 0;
  private ended = false;
  private readonly table = new LineTable(this.store);
  private hasLongNumbers = false;
  /** Open containers, innermost last: true for objects. */
  private readonly objects: boolean[] = [];
  private expect = Expect.Value;
  private newLine = true;
  /** Everything before it has been read (a token in progress starts here). */
  private position = 0;
  private token = Token.None;
  /** Inside the token in progress: the next byte to read. */
  private tokenAt = 0;
  private numberPart = NumberPart.Integer;
  private significantDigits = 0;
  private leadingZeros = true;
  private failure: Failure | null = null;
  /** The failure as indexJson words it, once its wording is decided. */
  private reported: Extract<IndexOutcome, { ok: false }> | null = null;
  private outcome: IndexOutcome | null = null;

  /** A whole body at once, in its own bytes (kept, not copied). */
  static whole(bytes: Uint8Array): IndexOutcome {
    const index = new IncrementalJsonIndex();
    index.push(bytes);
    return index.end();
  }

  /** Keeps the chunk (the caller hands it over and must not change it) and indexes as far as the bytes allow. */
  push(chunk: Uint8Array): void {
    if (this.ended) throw new Error('The body has already ended');
    if (chunk.length === 0) return;
    this.base = this.store.length;
    this.part = chunk;
    this.store.push(chunk);
    if (!this.failure) this.scan();
  }

  private get length(): number {
    return this.store.length;
  }

  /** The body is complete: the same outcome indexJson gives for all the bytes pushed. */
  end(): IndexOutcome {
    if (!this.ended) {
      this.ended = true;
      if (!this.failure) this.scan();
      this.outcome = this.error ?? { ok: true, lines: this.lines };
    }
    return this.outcome!;
  }

  /** Bytes received so far. */
  get received(): number {
    return this.length;
  }

  /** The bytes received so far (the same object as more arrive). */
  get bytes(): ChunkedBytes {
    return this.store;
  }

  /**
   * The lines whose text is complete, as indexJson's lines (count is how many): each one's bytes have all arrived,
   * so lineText shows it as it will stay. Lines past count are in the table but may still grow. Before end(), a
   * container's closing line may not have arrived: fold only once the body is complete.
   */
  get lines(): JsonLines {
    return { bytes: this.bytes, table: this.table, count: this.completeLines(), hasLongNumbers: this.hasLongNumbers };
  }

  /** The first error, as indexJson would report it, as soon as the bytes that decide it have arrived; else null. */
  get error(): Extract<IndexOutcome, { ok: false }> | null {
    const failure = this.failure;
    if (!failure) return null;
    if (this.reported) return this.reported;
    let reason = failure.reason;
    if (failure.namesCharacter) {
      const found = this.foundAt(failure.offset);
      if (found === null) return null;
      reason += ` but found '${found}'`;
    }
    const { line, column } = this.positionOf(failure.offset);
    this.reported = { ok: false, error: `${reason} at line ${line}, column ${column}`, offset: failure.offset };
    return this.reported;
  }

  /**
   * Lines are complete when lineText reads nothing of them that is still to come (it reads a line up to where the next
   * one starts). A line ending with a comma is, once the comma has been read. A line ending with `{` or `[` is once the
   * next line has started, and the next line does not start with a bracket (`[}` is invalid: the bracket's line is
   * left out with it). The last line that has started is not (it may grow, and a root value's line would run on into
   * bytes after it: `{} {}` shows `{}{}`) until end().
   */
  private completeLines(): number {
    const table = this.table;
    const count = table.count;
    if (this.ended && !this.failure) return count;
    // Just past a comma, or past an opening bracket (the line it opens is one shallower than the containers open).
    if (this.newLine) return count > 0 && table.depth(count - 1) < this.objects.length ? count - 1 : count;
    const last = count - 1;
    const offset = this.failure?.offset;
    if (count >= 2 && offset === table.start(last) && isClose(this.store.at(offset)!) && table.depth(last) > table.depth(last - 1)) return count - 2;
    return Math.max(last, 0);
  }

  /** Reads from `position` to the end of what has arrived (or of the body, once ended), like jsonLines' scan. */
  private scan(): void {
    // Offsets are the body's; the part holds from `base` on (what scan reads before that, it reads through byteAt).
    const bytes = this.part;
    const base = this.base;
    const n = this.length;
    const table = this.table;
    const objects = this.objects;
    let i = this.position;
    let expect = this.expect;
    let newLine = this.newLine;
    let token = this.token;
    try {
      for (;;) {
        if (token === Token.None) {
          while (i < n && isWhitespace(bytes[i - base]!)) i++;
          if (i >= n) break;
          const b = bytes[i - base]!;
          if (newLine) {
            table.add(i, objects.length, isClose(b));
            newLine = false;
          }
          if (expect === Expect.Colon) {
            if (b !== COLON) throw unexpected(i, "':' after the property name");
            i++;
            expect = Expect.Value;
            continue;
          }
          if (expect === Expect.CommaOrClose) {
            if (objects.length === 0) throw new Failure('Unexpected data after the JSON value', i);
            const inObject = objects[objects.length - 1]!;
            if (b === COMMA) {
              expect = inObject ? Expect.Key : Expect.Value;
              newLine = true;
            } else if (b === (inObject ? CLOSE_OBJECT : CLOSE_ARRAY)) {
              objects.pop();
              table.add(i, objects.length, true);
            } else {
              throw unexpected(i, inObject ? "',' or '}'" : "',' or ']'");
            }
            i++;
            continue;
          }
          if (expect === Expect.Key && b !== QUOTE) throw unexpected(i, 'a property name in double quotes');
          // The common tokens, read at once when they end within this part: a string without escapes, a plain
          // integer. Anything else (and these when the part ends inside them) takes the general path below.
          const end = b === QUOTE ? plainStringEnd(bytes, i + 1 - base) : b > ZERO && b <= NINE ? plainIntegerEnd(bytes, i + 1 - base) : -1;
          if (end !== -1) {
            if (b !== QUOTE && end + base - i >= 16) this.hasLongNumbers = true;
            i = end + base;
            expect = expect === Expect.Key ? Expect.Colon : Expect.CommaOrClose;
            continue;
          }
          this.tokenAt = i + 1;
          if (b === OPEN_OBJECT || b === OPEN_ARRAY) token = Token.Open;
          else if (b === QUOTE) token = Token.String;
          else if (b === MINUS || isDigit(b)) {
            token = Token.Number;
            this.numberPart = NumberPart.Integer;
            this.tokenAt = b === MINUS ? i + 1 : i;
            this.significantDigits = 0;
            this.leadingZeros = true;
          } else token = Token.Literal;
        }
        // A token starts at i; read on from tokenAt.
        switch (token) {
          case Token.String: {
            const end = this.stringEnd(i);
            if (end === MORE) return;
            expect = expect === Expect.Key ? Expect.Colon : Expect.CommaOrClose;
            i = end;
            break;
          }
          case Token.Number: {
            const end = this.numberEnd(i);
            if (end === MORE) return;
            expect = Expect.CommaOrClose;
            i = end;
            break;
          }
          case Token.Literal: {
            const end = this.literalEnd(i);
            if (end === MORE) return;
            expect = Expect.CommaOrClose;
            i = end;
            break;
          }
          case Token.Open: {
            let next = this.tokenAt;
            while (next < n && isWhitespace(bytes[next - base]!)) next++;
            this.tokenAt = next;
            if (next >= n && !this.ended) return;
            // The bracket may be in an earlier part.
            const b = this.byteAt(i);
            if (next < n && bytes[next - base] === (b === OPEN_OBJECT ? CLOSE_OBJECT : CLOSE_ARRAY)) {
              i = next + 1;
              expect = Expect.CommaOrClose;
            } else {
              if (objects.length === MAX_DEPTH) throw new Failure('Nested deeper than 65,535 levels', i);
              objects.push(b === OPEN_OBJECT);
              expect = b === OPEN_OBJECT ? Expect.Key : Expect.Value;
              newLine = true;
              // Only whitespace lies between the bracket and `next`.
              i = next;
            }
            break;
          }
        }
        token = Token.None;
      }
      if (!this.ended) return;
      if (table.count === 0) throw new Failure('The body is empty', 0);
      if (objects.length > 0 || expect !== Expect.CommaOrClose) throw new Failure(CUT_SHORT, n);
    } catch (error) {
      if (!(error instanceof Failure)) throw error;
      this.failure = error;
    } finally {
      // A token in progress keeps its start in `position` (its line is already in the table).
      this.position = i;
      this.expect = expect;
      this.newLine = newLine;
      this.token = token;
    }
  }

  /** The byte at k, in any part, or -1 past the body's end (where scan reads undefined). */
  private byteAt(k: number): number {
    return k >= this.base ? (this.part[k - this.base] ?? -1) : this.store.at(k)!;
  }

  /** Past the string starting at `start` (a quote), or MORE; checks escapes and control characters. */
  private stringEnd(start: number): number {
    const bytes = this.part;
    const base = this.base;
    const n = this.length;
    let i = this.tokenAt;
    // Before base only when an escape began in the part before: it is read first, through byteAt.
    if (i < base) {
      i = this.escapeEnd(i);
      if (i === MORE) return MORE;
    }
    for (; i < n; i++) {
      const b = bytes[i - base]!;
      if (b === QUOTE) return i + 1;
      if (b === BACKSLASH) {
        const end = this.escapeEnd(i);
        if (end === MORE) return MORE;
        i = end - 1;
      } else if (b < 0x20) {
        throw new Failure('Unescaped control character in a string', i);
      }
    }
    if (this.ended) throw new Failure(`Unterminated string: ${CUT_SHORT}`, start);
    this.tokenAt = i;
    return MORE;
  }

  /** Past the escape whose backslash is at i, or MORE (the scan resumes at the backslash) until the bytes that decide
   *  it have arrived. */
  private escapeEnd(i: number): number {
    const escaped = this.byteAt(i + 1);
    if (escaped === 0x75) {
      // A bad digit decides at once; otherwise all four must have arrived.
      const digits = Math.min(this.length, i + 6);
      for (let h = i + 2; h < digits; h++) if (!isHex(this.byteAt(h))) throw new Failure('Bad \\u escape in a string', i);
      if (digits === i + 6) return i + 6;
      if (this.ended) throw new Failure('Bad \\u escape in a string', i);
    } else if (SIMPLE_ESCAPES.has(escaped)) {
      return i + 2;
    } else if (escaped !== -1 || this.ended) {
      throw new Failure('Bad escape in a string', i);
    }
    this.tokenAt = i;
    return MORE;
  }

  /** Past the number starting at `start`, or MORE; flags it if it has 16 or more significant digits. */
  private numberEnd(start: number): number {
    // A number resumes past the digits read, which is in the newest part.
    const bytes = this.part;
    const base = this.base;
    const n = this.length;
    let i = this.tokenAt;
    let part = this.numberPart;
    // As jsonLines' significantDigits: digits before the exponent, leading zeros (also after the point) not counted.
    let digits = this.significantDigits;
    let leadingZeros = this.leadingZeros;
    for (;;) {
      if (i >= n && !this.ended) {
        this.tokenAt = i;
        this.numberPart = part;
        this.significantDigits = digits;
        this.leadingZeros = leadingZeros;
        return MORE;
      }
      const b = i < n ? bytes[i - base]! : -1;
      switch (part) {
        case NumberPart.Integer:
          if (!isDigit(b)) throw new Failure('Bad number', start);
          if (b !== ZERO) {
            leadingZeros = false;
            digits++;
          }
          part = b === ZERO ? NumberPart.AfterInteger : NumberPart.IntegerDigits;
          i++;
          break;
        case NumberPart.IntegerDigits:
        case NumberPart.FractionDigits:
          if (isDigit(b)) {
            if (!leadingZeros || b !== ZERO) {
              leadingZeros = false;
              digits++;
            }
            i++;
          } else if (part === NumberPart.IntegerDigits) part = NumberPart.AfterInteger;
          else part = NumberPart.Exponent;
          break;
        case NumberPart.AfterInteger:
          if (b === DOT) {
            part = NumberPart.Fraction;
            i++;
          } else part = NumberPart.Exponent;
          break;
        case NumberPart.Fraction:
          if (!isDigit(b)) throw new Failure('Bad number: no digit after the decimal point', start);
          part = NumberPart.FractionDigits;
          break;
        case NumberPart.Exponent:
          if (!isExponent(b)) {
            this.hasLongNumbers ||= digits >= 16;
            return i;
          }
          part = NumberPart.ExponentSign;
          i++;
          break;
        case NumberPart.ExponentSign:
          if (b === PLUS || b === MINUS) i++;
          part = NumberPart.ExponentFirstDigit;
          break;
        case NumberPart.ExponentFirstDigit:
          if (!isDigit(b)) throw new Failure('Bad number: no digit in the exponent', start);
          part = NumberPart.ExponentDigits;
          break;
        case NumberPart.ExponentDigits:
          if (!isDigit(b)) {
            this.hasLongNumbers ||= digits >= 16;
            return i;
          }
          i++;
          break;
      }
    }
  }

  /** Past the literal (true, false, null) at `start`, or MORE while the bytes so far begin one. */
  private literalEnd(start: number): number {
    const first = this.byteAt(start);
    const word = first === TRUE[0] ? TRUE : first === FALSE[0] ? FALSE : first === NULL[0] ? NULL : undefined;
    if (word) {
      const arrived = Math.min(word.length, this.length - start);
      let k = 1;
      while (k < arrived && this.byteAt(start + k) === word[k]) k++;
      if (k === word.length) return start + k;
      if (k === arrived) {
        // `[tr` so far: more may complete the word, or the body stops inside it.
        if (!this.ended) return MORE;
        throw new Failure(CUT_SHORT, this.length);
      }
    }
    throw unexpected(start, 'a value');
  }

  /**
   * The character at `offset` as indexJson names it (the first of up to 4 bytes, decoded), or null until it is
   * decided. A streaming decoder emits a character only once no further byte can change it.
   */
  private foundAt(offset: number): string | null {
    if (this.ended || this.length >= offset + 4) {
      const [char] = new TextDecoder().decode(this.store.range(offset, offset + 4));
      return String(char);
    }
    const [char] = new TextDecoder().decode(this.store.range(offset, this.length), { stream: true });
    return char ?? null;
  }

  /** 1-based line and column (in characters) of a byte offset, as jsonLines' positionOf. */
  private positionOf(offset: number): { line: number; column: number } {
    let line = 1;
    let lineStart = 0;
    for (let newline = this.store.indexOf(0x0a); newline !== -1 && newline < offset; newline = this.store.indexOf(0x0a, newline + 1)) {
      line++;
      lineStart = newline + 1;
    }
    return { line, column: new TextDecoder().decode(this.store.range(lineStart, offset)).length + 1 };
  }
}

/** Validates a whole JSON body and indexes its pretty lines in one linear pass; invalid JSON answers where and why. */
export const indexJson = (bytes: Uint8Array): IndexOutcome => IncrementalJsonIndex.whole(bytes);
