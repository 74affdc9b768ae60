// The built main process with a repository named in its package.json: Help → Report a problem opens the repository's
// issue page and no other address. The real package.json names none (docs/using.md, the menu), so the test gives main one the way the
// build does: the build inlines package.json into main.js (electron/core/shell/about.ts imports it), and this test
// loads a copy of the built main.js whose inlined package carries a "repository". (Its own file: main.js loads once
// per process, see electronStandIn.ts.)
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { eventChannels } from '../../shared/api';
import { menuItems, type MenuItemTemplate } from '../../electron/core/shell/appMenu';
import { builtGlue } from '../fixtures/builtGlue';
import { createElectronStandIn, installElectronStandIn, loadAsNode, type ElectronStandIn } from '../fixtures/electronStandIn';

/** As npm writes a repository into package.json, and the page Keypost must open for it (stated, not computed). */
const REPOSITORY = { type: 'git', url: 'git+https://github.com/keypost-test/keypost.git' };
const ISSUE_PAGE = 'https://github.com/keypost-test/keypost/issues';

let electron: ElectronStandIn;

/** A copy of the built main.js whose inlined package.json names REPOSITORY, beside a node_modules that finds its dependencies. */
async function builtMainWithRepository(): Promise<string> {
  const source = await readFile(builtGlue('main.js'), 'utf8');
  // How the build inlines package.json (from `const pkg: PackageFields = packageJson` in about.ts).
  const inlinedPackage = /^var pkg = \{$/gm;
  const found = source.match(inlinedPackage)?.length ?? 0;
  if (found !== 1) {
    throw new Error(`dist-electron/main.js holds ${found} inlined package.json objects (\`var pkg = {\`), not one: this test no longer knows where to name a repository.`);
  }
  const named = source.replace(inlinedPackage, `var pkg = {\n\trepository: ${JSON.stringify(REPOSITORY)},`);
  const root = await mkdtemp(path.join(tmpdir(), 'keypost-glue-repository-'));
  await mkdir(path.join(root, 'dist-electron'));
  await symlink(path.resolve('node_modules'), path.join(root, 'node_modules'), 'dir');
  const file = path.join(root, 'dist-electron', 'main.js');
  await writeFile(file, named);
  return file;
}

beforeAll(async () => {
  process.env.KEYPOST_USER_DATA_DIR = await mkdtemp(path.join(tmpdir(), 'keypost-glue-repository-data-'));
  process.env.KEYPOST_KEYCHAIN_SERVICE = `Keypost-unit-glue-repository-${process.pid}`;
  electron = createElectronStandIn({ userData: await mkdtemp(path.join(tmpdir(), 'keypost-glue-repository-default-')) });
  installElectronStandIn(electron);
  loadAsNode(await builtMainWithRepository());
  await electron.ready();
});

const setMenu = () => electron.Menu.applicationMenu!.template as MenuItemTemplate[];

it('offers Help → Report a problem…, which opens the repository’s issue page in the browser', async () => {
  const help = setMenu().at(-1)!;
  expect(help.label).toMatch(/Help/);
  const reports = [...menuItems(setMenu())].filter((candidate) => candidate.url !== undefined);
  expect(reports.map((report) => [report.label, report.url])).toEqual([['Report a problem…', ISSUE_PAGE]]);
  expect(help.submenu).toContain(reports[0]);
  reports[0]!.click!(reports[0]!);
  await new Promise((resolve) => setImmediate(resolve));
  expect(electron.shell.openedExternal).toEqual([ISSUE_PAGE]);
});

it('opens no other address a menu click carries, however close to the issue page', async () => {
  const before = electron.shell.openedExternal.length;
  const newTab = [...menuItems(setMenu())].find((candidate) => candidate.command === 'newTab')!;
  for (const url of ['https://evil.example/', `${ISSUE_PAGE}/../../evil`, `${ISSUE_PAGE} `, `${ISSUE_PAGE}/`, 'https://github.com/keypost-test/keypost', 'file:///etc/passwd']) {
    newTab.click!({ ...newTab, url });
  }
  await new Promise((resolve) => setImmediate(resolve));
  expect(electron.shell.openedExternal.slice(before)).toEqual([]);
  // Nor does such a click reach the page as a command.
  const sent = electron.windows.flatMap((window) => window.webContents.sent).filter(([channel]) => channel === eventChannels.menuCommand);
  expect(sent).toEqual([]);
});
