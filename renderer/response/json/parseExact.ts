// JSON.parse for the Tree view and the filter, without rounding: a number JSON.parse would change
// (an id like 12345678901234567890) becomes JSON.rawJSON of its source text, which JSON.stringify writes back
// verbatim. The reviver costs time, so it runs only when the index saw such a number.

interface RawJson {
  readonly rawJSON: string;
}
const json = JSON as typeof JSON & {
  rawJSON(text: string): RawJson;
  isRawJSON(value: unknown): value is RawJson;
};

// Chromium and Node 24 (where the unit tests run) both have JSON.rawJSON and the reviver's source text.
export const isRawJson = (value: unknown): value is RawJson => json.isRawJSON(value);

export function parseExact(text: string, hasLongNumbers: boolean): unknown {
  if (!hasLongNumbers) return JSON.parse(text);
  return JSON.parse(text, function (this: unknown, _key: string, value: unknown, context?: { source?: string }) {
    if (typeof value !== 'number' || !context?.source) return value;
    return loses(context.source, value) ? json.rawJSON(context.source) : value;
  } as (this: unknown, key: string, value: unknown) => unknown);
}

/** 16+ significant digits that JSON.parse did not keep as written (1.0 and 1e3 have fewer, so they stay numbers). */
function loses(source: string, value: number): boolean {
  const digits = source.replace(/^-/, '').replace(/[eE].*$/, '').replace('.', '').replace(/^0+/, '');
  return digits.length >= 16 && JSON.stringify(value) !== source;
}
