// The unit and integration suite runs on the Node major that the chosen Electron embeds, since electron/core/ runs on
// that Node in users' hands. Electron 45 embeds Node 24: Electron's release notes give each release's Node
// (https://github.com/electron/electron/releases, https://releases.electronjs.org; Electron 40 moved to Node 24,
// "Node.js from v22.20.0 to v24.11.1" in https://www.electronjs.org/blog/electron-40-0, and later majors update
// within 24, e.g. v43.1.0 "Updated Node.js to v24.18.0").
// The npm scripts run on the `node` devDependency (node_modules/.bin/node, docs/setup.md "Supported versions"): that
// version is the one place the expected major is written.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};
/** The major of a version or range such as `^24.21.0`, `>=24` or `24.21.0`. */
const majorOf = (version: string) => Number(/(\d+)/.exec(version)?.[1]);
const expectedNodeMajor = majorOf(packageJson.devDependencies.node!);

describe('the runtime the tests run on', () => {
  it('is the Electron this comment speaks of (when Electron changes, look up the Node it embeds and update the node devDependency)', () => {
    expect(majorOf(packageJson.devDependencies.electron!)).toBe(45);
  });

  it('is the Node major Electron embeds, as the node devDependency and engines say', () => {
    expect(expectedNodeMajor).toBe(majorOf(packageJson.engines.node));
    expect(majorOf(process.versions.node)).toBe(expectedNodeMajor);
  });

  // renderer/response/json/parseExact.ts keeps big numbers exact with it (Chromium has it), and its unit tests run here: on a
  // Node without it they would fail for the runtime, not the code. Not in TypeScript's lib yet, hence the cast.
  it('has JSON.rawJSON and JSON.isRawJSON', () => {
    const json = JSON as typeof JSON & { rawJSON?: (text: string) => unknown; isRawJSON?: (value: unknown) => boolean };
    expect(typeof json.rawJSON).toBe('function');
    expect(json.isRawJSON?.(json.rawJSON!('1'))).toBe(true);
    expect(JSON.stringify({ id: json.rawJSON!('12345678901234567890') })).toBe('{"id":12345678901234567890}');
  });
});
