// The security scan's gate: a scanner finding passes only when an explanation names its rule, its file and the code it flags.
import { describe, expect, it } from 'vitest';
import { flaggedCode, matchFindings, readExplanations, stableFileName } from '../../scripts/securityFindings.mjs';

const windowCode = 'new BrowserWindow(options)';
const finding = (rule: string, file: string, code: string, line = 1) => ({ rule, file, code, line });
const explanation = (rule: string, file: string, code: string) => ({ rule, file, code, why: `${rule} is safe here` });

describe('matchFindings', () => {
  const explained = [explanation('SANDBOX_JS_CHECK', 'dist-electron/main.js', windowCode)];

  it('explains a finding with the same rule, file and code', () => {
    const verdict = matchFindings([finding('SANDBOX_JS_CHECK', 'dist-electron/main.js', windowCode, 80)], explained);
    expect(verdict.explained.map((entry: { why: string }) => entry.why)).toEqual(['SANDBOX_JS_CHECK is safe here']);
    expect(verdict.unexplained).toEqual([]);
    expect(verdict.stale).toEqual([]);
  });

  it('does not explain the same rule in another file', () => {
    const elsewhere = finding('SANDBOX_JS_CHECK', 'dist-electron/other.js', windowCode);
    expect(matchFindings([elsewhere], explained).unexplained).toEqual([elsewhere]);
  });

  it('does not explain the same rule and file when the flagged code changed', () => {
    const changed = finding('SANDBOX_JS_CHECK', 'dist-electron/main.js', 'new BrowserWindow({ webPreferences: { sandbox: false } })');
    const verdict = matchFindings([changed], explained);
    expect(verdict.unexplained).toEqual([changed]);
    expect(verdict.stale).toEqual(explained);
  });

  it('does not explain another rule on the explained code', () => {
    const otherRule = finding('CONTEXT_ISOLATION_JS_CHECK', 'dist-electron/main.js', windowCode);
    expect(matchFindings([otherRule], explained).unexplained).toEqual([otherRule]);
  });

  it('reports an explanation that no finding uses as stale', () => {
    expect(matchFindings([], explained)).toEqual({ explained: [], unexplained: [], stale: explained });
  });

  it('never reports a vendor-bundle explanation marked mayBeAbsent as stale, but still uses it when its finding is there', () => {
    const minified = { rule: 'DANGEROUS_FUNCTIONS_JS_CHECK', file: 'dist/renderer/assets/index-[hash].js', code: 'setTimeout(_)', why: 'vendor', mayBeAbsent: true };
    expect(matchFindings([], [minified]).stale).toEqual([]);
    const found = finding('DANGEROUS_FUNCTIONS_JS_CHECK', 'dist/renderer/assets/index-[hash].js', 'setTimeout(_)');
    expect(matchFindings([found], [minified]).explained).toEqual([{ finding: found, why: 'vendor' }]);
  });

  it('leaves every copy unexplained when new code reads the same as explained code', () => {
    const twice = [finding('SANDBOX_JS_CHECK', 'dist-electron/main.js', windowCode, 80), finding('SANDBOX_JS_CHECK', 'dist-electron/main.js', windowCode, 120)];
    const verdict = matchFindings(twice, explained);
    expect(verdict.unexplained).toEqual(twice);
    expect(verdict.stale).toEqual([]);
    expect(matchFindings(twice, [...explained, ...explained]).unexplained).toEqual([]);
  });
});

describe('readExplanations', () => {
  it('gives one explanation per rule found in a piece of code', () => {
    const file = [{ file: 'dist-electron/main.js', code: windowCode, explains: { SANDBOX_JS_CHECK: 'sandboxed', AUXCLICK_JS_CHECK: 'no auxclick' } }];
    expect(readExplanations(file)).toEqual([
      { rule: 'SANDBOX_JS_CHECK', file: 'dist-electron/main.js', code: windowCode, why: 'sandboxed' },
      { rule: 'AUXCLICK_JS_CHECK', file: 'dist-electron/main.js', code: windowCode, why: 'no auxclick' },
    ]);
  });

  it('refuses the old shape keyed by rule alone, and an empty explanation', () => {
    expect(() => readExplanations({ SANDBOX_JS_CHECK: 'sandboxed' })).toThrow(/list/);
    expect(() => readExplanations([{ file: 'dist-electron/main.js', code: windowCode, explains: { SANDBOX_JS_CHECK: ' ' } }])).toThrow(
      /SANDBOX_JS_CHECK has no explanation/,
    );
  });
});

describe('flaggedCode', () => {
  const main = ['const a = 1;', '\tconst window = new BrowserWindow(saved ? {', '\t\t...options,', '\t\tx: saved.x', '\t} : options);', 'window.show();'].join('\n');

  it('takes the whole flagged call, over several lines, as one line', () => {
    expect(flaggedCode(main, 2, 16)).toBe('new BrowserWindow(saved ? { ...options, x: saved.x } : options)');
  });

  it('stays the same when the code only moves to another line, and changes when the call changes', () => {
    const moved = `// a new comment line\n${main}`;
    expect(flaggedCode(moved, 3, 16)).toBe(flaggedCode(main, 2, 16));
    expect(flaggedCode(main.replace('x: saved.x', 'webPreferences: {}'), 2, 16)).not.toBe(flaggedCode(main, 2, 16));
  });

  it('takes a line without brackets to its end, ignoring brackets inside strings', () => {
    const html = '<head>\n    <meta http-equiv="Content-Security-Policy" content="script-src \'self\' (x" />\n</head>';
    expect(flaggedCode(html, 2, 0)).toBe('<meta http-equiv="Content-Security-Policy" content="script-src \'self\' (x" />');
  });

  it('ignores names a minifier chose, so an unrelated edit elsewhere in the bundle keeps the key', () => {
    const before = 'for(let t of n)await t.openExternal(e.href,{sourceUri:e.sourceUri},Dm.None)';
    const after = before.replaceAll('Dm', 'jm').replaceAll('e.', 'r.');
    const options = { minified: true };
    const column = before.indexOf('t.openExternal');
    expect(flaggedCode(before, 1, column, options)).toBe('_.openExternal(_.href,{sourceUri:_.sourceUri},_.None)');
    expect(flaggedCode(after, 1, column, options)).toBe(flaggedCode(before, 1, column, options));
    expect(flaggedCode('setTimeout(f);x()', 1, 0, options)).toBe('setTimeout(_)');
  });

  it('cuts a snippet from a long minified line, and marks the cut', () => {
    const code = flaggedCode(`a=${'b+'.repeat(1000)}c`, 1, 0);
    expect(code.length).toBe(401);
    expect(code.endsWith('…')).toBe(true);
  });

  it('has no code for a finding without a position', () => {
    expect(flaggedCode(main, 0, 0)).toBe('');
  });
});

describe('stableFileName', () => {
  it('drops the content hash Vite puts in bundle names', () => {
    expect(stableFileName('dist/renderer/assets/index-BTx5LN5M.js')).toBe('dist/renderer/assets/index-[hash].js');
    expect(stableFileName('dist/renderer/assets/json.worker-DevWWVKp.js')).toBe('dist/renderer/assets/json.worker-[hash].js');
  });

  it('keeps names without a hash', () => {
    expect(stableFileName('dist-electron/main.js')).toBe('dist-electron/main.js');
    expect(stableFileName('dist/renderer/index.html')).toBe('dist/renderer/index.html');
  });
});
