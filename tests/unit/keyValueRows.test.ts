// The request tables' row logic: typing into the empty row, removing rows, multipart files, and the message under each header row.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Header, MultipartPart, QueryParam } from '../../shared/request';
import { checkHeaders } from '../../shared/requestChecks';
import { headerRowProblems } from '../../renderer/request/headerRowProblems';
import { editRow, removeRow, withTextValue, type KeyValueRow } from '../../renderer/request/keyValueRows';
import { fileBaseName, newFilePart, withFile } from '../../renderer/request/multipartParts';

const row = (name: string, value: string | null, enabled = true): KeyValueRow => ({ name, value, enabled });
const header = (name: string, value: string, enabled = true): Header => ({ name, value, enabled });

describe('editing the rows of a table', () => {
  const rows = [row('a', '1'), row('b', null)];

  it('adds a row when the trailing empty row is typed into, by name or by value', () => {
    expect(editRow(rows, 2, { name: 'c' })).toEqual([...rows, row('c', '')]);
    expect(editRow(rows, 2, { value: 'x' })).toEqual([...rows, row('', 'x')]);
  });

  it('changes only the edited row and leaves the rows it was given alone', () => {
    const before = structuredClone(rows);
    expect(editRow(rows, 0, { value: '2' })).toEqual([row('a', '2'), row('b', null)]);
    expect(editRow(rows, 0, { enabled: false })).toEqual([row('a', '1', false), row('b', null)]);
    expect(rows).toEqual(before);
  });

  it('keeps a bare query name bare until a value is typed, which adds the "="', () => {
    expect(editRow(rows, 1, { name: 'flag' })[1]).toEqual(row('flag', null));
    expect(editRow(rows, 1, { value: 'on' })[1]).toEqual(row('b', 'on'));
  });

  it('hands a last row whose text is cleared back to the empty row', () => {
    expect(editRow(rows, 1, { name: '' })).toEqual([row('a', '1')]);
    expect(editRow([row('', 'x')], 0, { value: '' })).toEqual([]);
  });

  it('keeps a row in the middle whose text is cleared, so the next row does not move under the cursor', () => {
    expect(editRow([row('a', ''), row('b', '')], 0, { name: '' })).toEqual([row('', ''), row('b', '')]);
  });

  it('keeps a blank last row that is only unticked', () => {
    expect(editRow([row('', null)], 0, { enabled: false })).toEqual([row('', null, false)]);
  });

  it('removes exactly the row asked for', () => {
    expect(removeRow(rows, 0)).toEqual([row('b', null)]);
    expect(removeRow(rows, 1)).toEqual([row('a', '1')]);
    expect(removeRow(rows, 2)).toEqual(rows);
  });

  it('gives header and form rows a string value and no other keys', () => {
    expect(withTextValue(row('a', null))).toEqual({ name: 'a', value: '', enabled: true });
    const query: QueryParam = { name: 'q', value: 'x', enabled: false };
    expect(withTextValue(query)).toEqual(query);
  });
});

describe('the message under each header row', () => {
  it('says nothing about valid rows, disabled rows and blank rows', () => {
    expect(headerRowProblems([header('X-Trace', 'abc'), header('Bad Name', '', false), header('', '')])).toEqual([null, null, null]);
  });

  it("uses checkHeaders' own words for a bad name, a line break, a character beyond Latin-1 and a missing name", () => {
    const bad = [header('X Trace', '1'), header('X-A', 'a\r\nb'), header('X-B', 'naïve → no'), header('', 'orphan')];
    const problems = headerRowProblems(bad);
    bad.forEach((one, index) => {
      const check = checkHeaders([one]);
      if (check.ok) throw new Error(`expected ${one.name} to be refused`);
      expect(problems[index]).toBe(`${check.error.message} ${check.error.hint}`);
    });
    expect(problems[0]).toContain('“X Trace” is not a valid header name.');
    expect(problems[2]).toContain('“→”');
  });

  it('accepts Latin-1 values such as “naïve”', () => {
    expect(headerRowProblems([header('X-Name', 'naïve')])).toEqual([null]);
  });

  it('marks the second row of a header HTTP allows once, in any case, and not the first', () => {
    const problems = headerRowProblems([header('Content-Type', 'text/plain'), header('X-A', '1'), header('content-type', 'application/xml')]);
    expect(problems[0]).toBeNull();
    expect(problems[1]).toBeNull();
    expect(problems[2]).toBe('content-type is set twice; HTTP allows it once. Disable or remove one of the rows.');
  });

  it('allows repeating a list header, and a once-only header whose other row is disabled', () => {
    expect(headerRowProblems([header('Accept', 'a/b'), header('Accept', 'c/d')])).toEqual([null, null]);
    expect(headerRowProblems([header('Cookie', 'a=1', false), header('Cookie', 'b=2')])).toEqual([null, null]);
  });

  it('blames a duplicate only on a valid first row: a broken first row gets its own message', () => {
    const problems = headerRowProblems([header('Authorization', 'Bearer →'), header('Authorization', 'Bearer x')]);
    expect(problems[0]).toMatch(/contains “→”/);
    expect(problems[1]).toBeNull();
  });

  it('finds a problem in the rows exactly when checkHeaders refuses them, and its first message is what a send reports', () => {
    const names = ['Content-Type', 'content-type', 'Accept', 'X-A', 'X A', '', 'Authorization', 'Cookie'];
    const values = ['', 'v', 'naïve', '→', 'a\nb', 'a\tb'];
    const rows = fc.array(
      fc.record({ name: fc.constantFrom(...names), value: fc.constantFrom(...values), enabled: fc.boolean() }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(rows, (headers) => {
        const first = headerRowProblems(headers).find((problem) => problem !== null) ?? null;
        const check = checkHeaders(headers);
        expect(first).toBe(check.ok ? null : `${check.error.message} ${check.error.hint}`);
      }),
    );
  });
});

describe('multipart parts', () => {
  it("shows a file by its base name, from a POSIX or a Windows path", () => {
    expect(fileBaseName('/home/ana/photos/cat.png')).toBe('cat.png');
    expect(fileBaseName('C:\\Users\\Ana\\report 2024.pdf')).toBe('report 2024.pdf');
    expect(fileBaseName('notes.txt')).toBe('notes.txt');
    expect(fileBaseName('/odd/dir/')).toBe('/odd/dir/');
  });

  it('adds a file part with the picked path, and a new pick keeps the name and whether it is sent', () => {
    const parts: MultipartPart[] = [{ kind: 'text', name: 'title', value: 'Hi', enabled: true }, { ...newFilePart('/a/one.bin'), name: 'upload', enabled: false }];
    expect(newFilePart('/a/one.bin')).toEqual({ kind: 'file', name: '', path: '/a/one.bin', enabled: true });
    expect(withFile(parts, 1, '/b/two.bin')).toEqual([parts[0], { kind: 'file', name: 'upload', path: '/b/two.bin', enabled: false }]);
    expect(withFile(parts, 5, '/b/two.bin')).toEqual(parts);
  });
});
