// npm test's CI workflow check (scripts/check-workflows.mjs): a workflow GitHub would refuse fails the run, naming the
// file and the mistake; the project's own workflow passes, and says what it runs on each system.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { workflowProblems } from '../../scripts/workflowProblems.mjs';

const ciFile = '.github/workflows/ci.yml';
const ci = readFileSync(ciFile, 'utf8');
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A temp folder holding the given workflow files. */
function workflowsFolder(files: Record<string, string>) {
  const folder = mkdtempSync(path.join(tmpdir(), 'keypost-workflows-'));
  folders.push(folder);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
  return folder;
}

const check = (...args: string[]) => spawnSync(process.execPath, ['scripts/check-workflows.mjs', ...args], { encoding: 'utf8' });

describe('the CI workflow check', () => {
  it('passes on the project’s own workflows, in well under 5 seconds', () => {
    const started = performance.now();
    const run = check();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('1 of 1 workflow file(s) valid');
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('fails on a job whose steps are misspelt, naming the file and the key', () => {
    const folder = workflowsFolder({ 'ci.yml': ci.replace(/^ {4}steps:$/m, '    stepz:') });
    const run = check(folder);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${path.join(folder, 'ci.yml')}: not a valid GitHub Actions workflow`);
    expect(run.stderr).toContain("/jobs/test-and-package: Additional property 'stepz' is not allowed");
  });

  it('fails on a runs-on that is neither a label, a list nor a group, and names only the broken file', () => {
    const folder = workflowsFolder({ 'good.yml': ci, 'bad.yaml': ci.replace('runs-on: ${{ matrix.os }}', 'runs-on: 42') });
    const run = check(folder);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${path.join(folder, 'bad.yaml')}: not a valid GitHub Actions workflow`);
    expect(run.stderr).toContain('/jobs/test-and-package/runs-on: The value must be string');
    expect(run.stderr).not.toContain('good.yml');
    expect(run.stdout).toContain('1 of 2 workflow file(s) valid');
  });

  it('fails on a file that is not YAML, and on a folder with no workflow', () => {
    expect(workflowProblems('on: push\njobs: [\n')).toEqual([expect.stringMatching(/^the YAML does not parse: .*line 3 column 1/)]);
    const empty = check(workflowsFolder({ 'notes.md': 'not a workflow' }));
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain('holds no workflow file');
  });
});

describe('.github/workflows/ci.yml', () => {
  const workflow = parse(ci);
  const job = workflow.jobs['test-and-package'];
  const runs = job.steps.map((step: { run?: string }) => step.run ?? '').join('\n');

  it('tests and packages on hosted Linux, macOS and Windows, each system to the end', () => {
    expect(job.strategy.matrix.os).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest']);
    expect(job.strategy['fail-fast']).toBe(false);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.concurrency['cancel-in-progress']).toBe(true);
    expect(job['timeout-minutes']).toBeGreaterThan(0);
  });

  it('downloads Electron before npm test, runs it under Xvfb on Linux, then keeps the installers', () => {
    expect(runs).toContain('node node_modules/electron/install.js');
    expect(runs).toContain('xvfb-run -a npm test');
    expect(runs.indexOf('install.js')).toBeLessThan(runs.indexOf('npm test'));
    expect(runs.indexOf('npm test')).toBeLessThan(runs.indexOf('npm run dist'));
    const kept = job.steps.find((step: { name?: string }) => step.name === 'Keep the installers');
    expect(kept.with['retention-days']).toBeGreaterThan(0);
    expect(kept.with.path.split('\n').filter(Boolean)).toEqual(['release/*.AppImage', 'release/*.deb', 'release/*.dmg', 'release/*.exe']);
  });
});
