// The example request file in docs/collections.md is one Keypost writes: read and written again, it gives the same bytes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { readRequestFile, requestFileText } from '../../electron/core/collections/requestFile';

it("the docs' example request file is exactly what Keypost writes for it", () => {
  const page = readFileSync(path.join(import.meta.dirname, '../../docs/collections.md'), 'utf8');
  const block = /An example \(`List users\.request\.yaml`\):\n\n {2}```yaml\n([\s\S]*?) {2}```/.exec(page)?.[1];
  expect(block).toBeDefined();
  const example = block!.replace(/^ {2}/gm, '');
  const read = readRequestFile(example);
  expect(read.ok).toBe(true);
  if (read.ok) expect(requestFileText(read.value)).toBe(example);
});

it("the docs' example with assertions and captures is exactly what Keypost writes for it", () => {
  const page = readFileSync(path.join(import.meta.dirname, '../../docs/collections.md'), 'utf8');
  const block = /An example with checks \(`Log in\.request\.yaml`\):\n\n {2}```yaml\n([\s\S]*?) {2}```/.exec(page)?.[1];
  expect(block).toBeDefined();
  const example = block!.replace(/^ {2}/gm, '');
  const read = readRequestFile(example);
  expect(read.ok && read.value.request.assertions).toHaveLength(5);
  if (read.ok) expect(requestFileText(read.value)).toBe(example);
});
