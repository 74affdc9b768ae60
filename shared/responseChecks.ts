// What a request checks in its response and keeps from it, declared in the request document (no scripts): assertions
// (the status, a header, a JSONPath value, the time) and captures (a value kept in a variable for the following
// requests). The schemas accept a draft being typed; checkResponseChecks is the gate before a save or a send. Main
// evaluates them (electron/core/checks/) and the results, typed here, reach the page and the CLI.
import { z } from 'zod';
import { variableNameSchema } from './variableName';
import { fail, ok, type Result } from './errors';
import { isHttpToken } from './httpToken';
import { jsonPathProblem } from './jsonPathWords';

const TEXT_MAX = 2_048;
export const CHECKS_MAX = 200;

export const JSON_TYPES = ['string', 'number', 'integer', 'boolean', 'null', 'array', 'object'] as const;
export type JsonType = (typeof JSON_TYPES)[number];

/** Any JSON value. Typed `unknown`: zod's recursive JSON type is too deep for the type checks of Playwright's
 *  page.evaluate, which the E2E tests pass request documents through. */
const jsonValue = z.json() as unknown as z.ZodType<unknown>;
const statusCode = z.number().int().min(0).max(999);
const onlyOne = (keys: readonly string[]) => (value: Record<string, unknown>) => keys.filter((key) => value[key] !== undefined).length === 1;

// The key order of each shape is the order in the file (zod writes its output in shape order).
export const assertionSchema = z.discriminatedUnion('check', [
  z.object({ check: z.literal('status'), equals: z.union([statusCode, z.array(statusCode).min(1).max(100)]) }).strict(),
  z
    .object({
      check: z.literal('header'),
      name: z.string().max(TEXT_MAX),
      exists: z.boolean().optional(),
      equals: z.string().max(TEXT_MAX).optional(),
      matches: z.string().max(TEXT_MAX).optional(),
    })
    .strict()
    .refine(onlyOne(['exists', 'equals', 'matches']), 'A header assertion says one of exists, equals or matches.'),
  z
    .object({
      check: z.literal('json'),
      path: z.string().max(TEXT_MAX),
      exists: z.boolean().optional(),
      equals: jsonValue.optional(),
      matches: z.string().max(TEXT_MAX).optional(),
      type: z.enum(JSON_TYPES).optional(),
    })
    .strict()
    .refine(onlyOne(['exists', 'equals', 'matches', 'type']), 'A json assertion says one of exists, equals, matches or type.'),
  z.object({ check: z.literal('time'), below: z.number().min(0).max(86_400_000) }).strict(),
]);

export const captureSchema = z
  .object({
    variable: z.string().max(64),
    json: z.string().max(TEXT_MAX).optional(),
    header: z.string().max(TEXT_MAX).optional(),
    /** Never shown or printed, whatever the value looks like. */
    secret: z.boolean().optional(),
  })
  .strict()
  .refine(onlyOne(['json', 'header']), 'A capture takes its value from one of json (a JSONPath) or header.');

export const assertionsSchema = z.array(assertionSchema).max(CHECKS_MAX);
export const capturesSchema = z.array(captureSchema).max(CHECKS_MAX);

export type Assertion = z.infer<typeof assertionSchema>;
export type Capture = z.infer<typeof captureSchema>;
export type AssertionKind = Assertion['check'];

/** The assertion as a sentence: "status is 201", "$.total equals 3", "header Content-Type matches /^application\/json/". */
export function describeAssertion(assertion: Assertion): string {
  switch (assertion.check) {
    case 'status':
      return Array.isArray(assertion.equals) ? `status is one of ${assertion.equals.join(', ')}` : `status is ${assertion.equals}`;
    case 'time':
      return `time is below ${assertion.below} ms`;
    case 'header':
    case 'json': {
      const subject = assertion.check === 'header' ? `header ${assertion.name}` : assertion.path;
      if (assertion.exists !== undefined) return `${subject} ${assertion.exists ? 'exists' : 'is absent'}`;
      if (assertion.matches !== undefined) return `${subject} matches /${assertion.matches}/`;
      if (assertion.check === 'json' && assertion.type !== undefined) return `${subject} is ${/^[aeiou]/.test(assertion.type) ? 'an' : 'a'} ${assertion.type}`;
      return `${subject} equals ${assertion.check === 'header' ? `“${assertion.equals}”` : JSON.stringify(assertion.equals)}`;
    }
  }
}

/** "the capture of userId (from $.id)" */
export const describeCapture = (capture: Capture) => `${capture.variable} from ${capture.json !== undefined ? capture.json : `header ${capture.header}`}`;

/** A `matches` pattern as the checks run it (the same flags where it is checked and where it is used). */
export const patternOf = (pattern: string) => new RegExp(pattern, 'u');

/** Why a pattern is not a regular expression, in words; null when it is one. */
function patternProblem(pattern: string): string | null {
  try {
    patternOf(pattern);
    return null;
  } catch {
    return `/${pattern}/ is not a regular expression (JavaScript syntax, such as ^application/json).`;
  }
}

/** What stops the assertions or captures from being saved or sent, naming the one (by number and words); ok when none. */
export function checkResponseChecks(document: { assertions?: Assertion[]; captures?: Capture[] }): Result<void> {
  const refuse = (what: string, problem: string) => fail('INVALID_ARGUMENT', `${what}: ${problem}`, { hint: 'Fix it under the request’s Checks (assertions and captures in its file).' });
  for (const [index, assertion] of (document.assertions ?? []).entries()) {
    const what = `Assertion ${index + 1} (${describeAssertion(assertion)})`;
    if (assertion.check === 'header' && !isHttpToken(assertion.name)) return refuse(what, 'name the header (one word, such as Content-Type).');
    if (assertion.check === 'json') {
      const problem = jsonPathProblem(assertion.path);
      if (problem) return refuse(what, problem);
    }
    if ((assertion.check === 'header' || assertion.check === 'json') && assertion.matches !== undefined) {
      const problem = patternProblem(assertion.matches);
      if (problem) return refuse(what, problem);
    }
  }
  for (const [index, capture] of (document.captures ?? []).entries()) {
    const what = `Capture ${index + 1} (${describeCapture(capture)})`;
    const name = variableNameSchema.safeParse(capture.variable);
    if (!name.success) return refuse(what, name.error.issues[0]!.message);
    if (capture.json !== undefined) {
      const problem = jsonPathProblem(capture.json);
      if (problem) return refuse(what, problem);
    }
    if (capture.header !== undefined && !isHttpToken(capture.header)) return refuse(what, 'name the header (one word, such as X-Session).');
  }
  return ok(undefined);
}


export type CheckOutcome = 'passed' | 'failed' | 'notChecked';

export interface AssertionResult {
  /** describeAssertion's sentence. */
  words: string;
  outcome: CheckOutcome;
  /** For a failure, what the response had ("got 404"); for notChecked, why ("the body is not JSON"). */
  detail?: string;
}

export interface CaptureResult {
  variable: string;
  /** Kept for the following requests, or not (then `detail` says why). */
  captured: boolean;
  /** The value as kept; absent when it is secret (flagged, or it looks like one) or nothing was captured. */
  value?: string;
  secret: boolean;
  detail?: string;
}

/** What a send's checks found; present only when the request declares assertions or captures. */
export interface CheckResults {
  assertions: AssertionResult[];
  captures: CaptureResult[];
}

export const checkCounts = ({ assertions }: CheckResults) => ({
  total: assertions.length,
  passed: assertions.filter((result) => result.outcome === 'passed').length,
  failed: assertions.filter((result) => result.outcome === 'failed').length,
  notChecked: assertions.filter((result) => result.outcome === 'notChecked').length,
});

/** "✓ status is 201", "✗ $.total equals 3 — got 2", "– $.id exists — not checked: the body is not JSON" */
export function assertionLine({ words, outcome, detail }: AssertionResult): string {
  const mark = outcome === 'passed' ? '✓' : outcome === 'failed' ? '✗' : '–';
  return `${mark} ${words}${detail ? ` — ${outcome === 'notChecked' ? `not checked: ${detail}` : detail}` : ''}`;
}

/** "3/3 assertions", "1/1 assertions" (read "1 of 1"), "2/3 assertions, 1 not checked" */
export function checksSummary(results: CheckResults): string {
  const { total, passed, notChecked } = checkCounts(results);
  if (total === 0) return '';
  return `${passed}/${total} assertions${notChecked > 0 ? `, ${notChecked} not checked` : ''}`;
}
