// The progress line's text and when it shows: the words a terminal shows while a request is on its way.
import { describe, expect, it } from 'vitest';
import { progressOn, progressText } from '../../cli/progressLine';

describe('the progress line of keypost run', () => {
  it('reads [n/total] METHOD name…, counting from 1', () => {
    expect(progressText(11, 40, 'POST', 'Create user')).toBe('[12/40] POST Create user…');
  });

  it('keeps to one line of the terminal: spaces and newlines of a name as one space, cut to the width', () => {
    expect(progressText(0, 1, 'GET', 'two\n  lines')).toBe('[1/1] GET two lines…');
    const cut = progressText(0, 3, 'GET', 'x'.repeat(200), 40);
    expect(cut).toHaveLength(39);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('writes to a terminal outside CI only, and erases what it wrote', () => {
    const written: string[] = [];
    const terminal = { isTTY: true, columns: 80, write: (text: string) => written.push(text) };
    const line = progressOn(terminal, {});
    line.sending(0, 2, 'GET', 'One');
    line.clear();
    line.clear();
    expect(written).toEqual(['\r\u001b[K[1/2] GET One…', '\r\u001b[K']);

    written.length = 0;
    progressOn(terminal, { CI: 'true' }).sending(0, 1, 'GET', 'One');
    progressOn({ ...terminal, isTTY: false }, {}).sending(0, 1, 'GET', 'One');
    expect(written).toEqual([]);
  });
});
