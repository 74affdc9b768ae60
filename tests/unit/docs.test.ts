// The README and docs/ say what the code does: every link between them lands on a file and a heading that exist, and
// the limits, defaults and versions they quote are the ones the code and package.json hold, so none is typed by hand.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BODY_LIMIT_MB, DEFAULT_TIMEOUT_MS } from '../../shared/http';
import {
  bodyLimitMbSchema,
  DEFAULT_HISTORY_MAX_ENTRIES,
  DEFAULT_HISTORY_MAX_MB,
  DEFAULT_MAX_REDIRECTS,
  maxRedirectsSchema,
  timeoutSecondsSchema,
} from '../../shared/settings';
import { MAX_OPEN_TABS } from '../../shared/workspace';

const root = path.resolve(import.meta.dirname, '../..');
const pages = ['README.md', ...readdirSync(path.join(root, 'docs')).filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`)];
const read = (page: string) => readFileSync(path.join(root, page), 'utf8');
/** The text outside fenced code blocks, where links and headings are. */
const prose = (page: string) => read(page).replace(/^```[\s\S]*?^ *```/gm, '');

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
const anchorsOf = (page: string) => new Set([...prose(page).matchAll(/^#{1,6} (.+)$/gm)].map((match) => slug(match[1]!)));

/** Every relative link and image of a page: markdown links and <img src>. */
const linksOf = (page: string) => [
  ...[...prose(page).matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!),
  ...[...prose(page).matchAll(/<img src="([^"]+)"/g)].map((match) => match[1]!),
].filter((link) => !/^[a-z]+:/.test(link));

describe('the README and docs/', () => {
  it.each(pages)('%s links only to files and headings that exist', (page) => {
    const broken = linksOf(page).filter((link) => {
      const [file, anchor] = link.split('#');
      const target = file ? path.join(path.dirname(page), file) : page;
      if (!existsSync(path.join(root, target))) return true;
      return anchor !== undefined && !anchorsOf(target).has(anchor);
    });
    expect(broken).toEqual([]);
  });

  it('each docs/ page opens with its title and one line saying what it covers', () => {
    for (const page of pages.filter((name) => name.startsWith('docs/'))) {
      expect(read(page), page).toMatch(/^# .+\n\n[^#\n].+\n/);
    }
  });

  it('quote the settings\u2019 ranges and defaults as shared/settings.ts has them', () => {
    const using = read('docs/using.md');
    const range = (schema: { minValue: number | null; maxValue: number | null }) => `${schema.minValue}\u2013${schema.maxValue}`;
    expect(using).toContain(`keep response bodies up to N MB in memory (${range(bodyLimitMbSchema)}, default ${DEFAULT_BODY_LIMIT_MB})`);
    expect(using).toContain(`the timeout (${range(timeoutSecondsSchema)} s, default ${DEFAULT_TIMEOUT_MS / 1000})`);
    expect(using).toContain(`redirects followed (${range(maxRedirectsSchema)}, default ${DEFAULT_MAX_REDIRECTS};`);
    expect(using).toContain(`It keeps the newest ${DEFAULT_HISTORY_MAX_ENTRIES} requests in at most ${DEFAULT_HISTORY_MAX_MB} MB (both in Settings)`);
    expect(read('docs/credentials-and-security.md')).toContain(`followed (up to ${DEFAULT_MAX_REDIRECTS} by default;`);
  });

  it('quote the open tabs\u2019 limit as shared/workspace.ts has it', () => {
    const using = read('docs/using.md');
    expect(using).toContain(`Keypost keeps at most ${MAX_OPEN_TABS} tabs open (\`MAX_OPEN_TABS\``);
    expect(using).toContain(`would need the ${MAX_OPEN_TABS + 1}st`);
    expect(using).toContain(`restores the first ${MAX_OPEN_TABS},`);
  });

  it('quote the supported versions as package.json pins them', () => {
    const { devDependencies } = JSON.parse(read('package.json')) as { devDependencies: Record<string, string> };
    const bare = (range: string) => range.replace(/^[\^~]/, '');
    const setup = read('docs/setup.md');
    expect(setup).toContain(`| Electron | ${bare(devDependencies.electron!)} (\`${devDependencies.electron}\`) |`);
    expect(setup).toContain(`| Node.js for the npm scripts (build, tests, start) | ${bare(devDependencies.node!)}, from the \`node\` devDependency`);
    expect(setup).toContain(`| electron-builder | ${bare(devDependencies['electron-builder']!).split('.')[0]} |`);
    expect(setup).toContain(`| Vite | ${bare(devDependencies.vite!).split('.').slice(0, 2).join('.')} |`);
  });

  it('quote how long hosted CI keeps its artifacts as the workflow says', () => {
    const workflow = read('.github/workflows/ci.yml');
    const days = (artifact: string) => new RegExp(`name: ${artifact}[\\s\\S]*?retention-days: (\\d+)`).exec(workflow)?.[1];
    expect(read('docs/testing.md')).toContain(
      `are kept ${days('keypost-installers-')} days as the artifact \`keypost-installers-<OS>\`, and on a failure the test reports ${days('test-reports-')} days`,
    );
  });
});
