// Decides which scanner findings security/electronegativity-explained.json explains (same rule, file and flagged code) and which explanations no finding uses.

/**
 * A finding as the scan reports it: `file` is stable across rebuilds (see stableFileName), `code` comes from flaggedCode.
 * @typedef {{ rule: string, file: string, line: number, code: string }} Finding
 */
/**
 * One entry of electronegativity-explained.json: a flagged piece of code and, for each rule found there, why it is safe.
 * `mayBeAbsent`: for vendor code in a minified bundle whose finding comes and goes with the minifier's choice of names
 * (the scanner flags `setTimeout(x)` only when it cannot resolve `x`); such an entry is never stale.
 * @typedef {{ file: string, code: string, explains: Record<string, string>, mayBeAbsent?: boolean }} ExplainedCode
 */
/** @typedef {{ rule: string, file: string, code: string, why: string, mayBeAbsent?: boolean }} Explanation */
/** @typedef {{ explained: { finding: Finding, why: string }[], unexplained: Finding[], stale: Explanation[] }} Verdict */

/** Long enough for a whole call or the CSP <meta> line; bounds a snippet taken from a minified line of 250,000 characters. */
export const MAX_CODE_LENGTH = 400;

/**
 * The path without Vite's content hash (`assets/index-BTx5LN5M.js` -> `assets/index-[hash].js`): the hash changes
 * with every edit anywhere in that bundle, the flagged code does not.
 * @param {string} file
 */
export function stableFileName(file) {
  return file.replace(/(^|\/)(assets\/[^/]+)-[A-Za-z0-9_-]{8}(\.[a-z]+)$/, '$1$2-[hash]$3');
}

/**
 * The code a finding points at, as one line: from its position to the end of the first bracketed group (a whole call
 * such as `new BrowserWindow(…)`, even over several lines), else to the end of the statement or line. Whitespace
 * runs become one space, so the text is the same for the same source and changes when the flagged code changes.
 * @param {string} source the scanned file
 * @param {number} line 1-based, as the scanner reports it (0: the finding has no position)
 * @param {number} column 0-based, as the scanner reports it
 * @param {{ minified?: boolean }} [options] minified: the file is minifier output (see withoutMinifiedNames)
 */
export function flaggedCode(source, line, column, { minified = false } = {}) {
  if (line < 1) return '';
  let start = 0;
  for (let current = 1; current < line; current++) {
    start = source.indexOf('\n', start) + 1;
    if (start === 0) return '';
  }
  start += column;
  let end = start;
  let depth = 0;
  /** @type {string | null} */
  let quote = null;
  for (; end < source.length && end - start < MAX_CODE_LENGTH; end++) {
    const char = source[end];
    if (quote !== null) {
      if (char === '\\') end++;
      else if (char === quote) quote = null;
      // A quote in text or a comment (it's) ends with its line, not many lines later.
      else if (char === '\n' && quote !== '`') quote = null;
      if (quote !== null || char !== '\n') continue;
    }
    if (char === '"' || char === "'" || char === '`') quote = char;
    else if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') {
      if (depth === 0) break;
      depth--;
      if (depth === 0) {
        end++;
        break;
      }
    } else if (depth === 0 && (char === '\n' || char === ';')) break;
  }
  const code = source.slice(start, end).replace(/\s+/g, ' ').trim();
  const shown = minified ? withoutMinifiedNames(code) : code;
  return end - start >= MAX_CODE_LENGTH ? `${shown}…` : shown;
}

const KEYWORDS = new Set(
  'async await break case catch class const continue debugger default delete do else export extends false finally for function get if import in instanceof let new null of return set static super switch this throw true try typeof undefined var void while with yield'.split(' '),
);

/**
 * Minified code with every name the minifier chose written `_`: those names (`Dm`, `e`) change when unrelated code
 * elsewhere in the bundle changes, which would turn explanations stale for nothing. Kept: property names (after `.`),
 * object keys, keywords, strings, numbers, and names of 4 or more characters (globals such as `setTimeout`, which a
 * minifier does not rename; its own names stay at 3 characters until a bundle has 200,000 of them).
 * @param {string} code
 */
export function withoutMinifiedNames(code) {
  return code.replace(
    /(["'`])(?:\\.|(?!\1)[^\\])*\1|(?<!\.)\.\s*#?[\w$]+|\b\d[\w.]*|[A-Za-z_$][\w$]*(\s*:)?/g,
    (token, quote, colon) =>
      quote !== undefined || colon !== undefined || /^[.\d]/.test(token) || KEYWORDS.has(token) || token.length > 3 ? token : '_',
  );
}

/**
 * Flattens the explained-code entries into one explanation per rule; refuses a malformed entry.
 * @param {unknown} entries the parsed JSON file
 * @returns {Explanation[]}
 */
export function readExplanations(entries) {
  if (!Array.isArray(entries)) throw new Error('expected a list of { file, code, explains } entries');
  /** @type {Explanation[]} */
  const explanations = [];
  entries.forEach((entry, index) => {
    const { file, code, explains, mayBeAbsent } = /** @type {Partial<ExplainedCode>} */ (entry ?? {});
    if (typeof file !== 'string' || typeof code !== 'string' || typeof explains !== 'object' || explains === null) {
      throw new Error(`entry ${index + 1}: expected { file, code, explains: { RULE_ID: why } }`);
    }
    for (const [rule, why] of Object.entries(explains)) {
      if (typeof why !== 'string' || why.trim() === '') throw new Error(`entry ${index + 1}: ${rule} has no explanation`);
      explanations.push({ rule, file, code, why, ...(mayBeAbsent ? { mayBeAbsent: true } : {}) });
    }
  });
  return explanations;
}

/**
 * A finding is explained only by an explanation with the same rule, file and code, one explanation per finding. When
 * more findings than explanations share a code, which of them is new cannot be told, so none of them is explained.
 * An explanation that explains no finding is stale (the code it vouched for changed or went away).
 * @param {Finding[]} findings
 * @param {Explanation[]} explanations
 * @returns {Verdict}
 */
export function matchFindings(findings, explanations) {
  const findingsByKey = groupByKey(findings);
  const explanationsByKey = groupByKey(explanations);
  /** @type {Verdict} */
  const verdict = { explained: [], unexplained: [], stale: [] };
  for (const [key, sameCode] of findingsByKey) {
    const candidates = explanationsByKey.get(key) ?? [];
    if (candidates.length < sameCode.length) verdict.unexplained.push(...sameCode);
    else sameCode.forEach((finding, index) => verdict.explained.push({ finding, why: candidates[index]?.why ?? '' }));
  }
  for (const [key, candidates] of explanationsByKey) {
    verdict.stale.push(...candidates.slice(findingsByKey.get(key)?.length ?? 0).filter((explanation) => !explanation.mayBeAbsent));
  }
  return verdict;
}

/**
 * @template {{ rule: string, file: string, code: string }} T
 * @param {T[]} items
 * @returns {Map<string, T[]>}
 */
function groupByKey(items) {
  const groups = new Map();
  for (const item of items) {
    const key = findingKey(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

/** @param {{ rule: string, file: string, code: string }} finding */
function findingKey({ rule, file, code }) {
  return JSON.stringify([rule, file, code]);
}
