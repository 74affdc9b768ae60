// The body worker's own work, without a browser or IPC: indexing a JSON body as it arrives (1 MB parts, as the page
// hands them over) and Ctrl+F over it, in this Node process (V8, as in the worker). The response bench's times
// include this, under the machine's other load (main receiving, the page, the harness).
import { findBytes } from '../../renderer/response/json/findBytes';
import { IncrementalJsonIndex } from '../../renderer/response/json/incrementalIndex';
import { childCount, pathOf } from '../../renderer/response/json/jsonLines';
import { BODY_PART_BYTES } from '../../shared/http';
import { itemsJson } from '../fixtures/testServer';
import { median, ms, printTable } from './table';

const RUNS = 5;
const rows = [];
for (const sizeMb of [10, 100]) {
  const body = new TextEncoder().encode(itemsJson(sizeMb * 1_000_000));
  const index: number[] = [];
  const find: number[] = [];
  const fold: number[] = [];
  const path: number[] = [];
  let lines = 0;
  for (let run = 0; run < RUNS; run++) {
    // Parts as the page gets them: each a buffer of its own.
    const parts = Array.from({ length: Math.ceil(body.length / BODY_PART_BYTES) }, (_, i) => body.slice(i * BODY_PART_BYTES, (i + 1) * BODY_PART_BYTES));
    let started = performance.now();
    const indexer = new IncrementalJsonIndex();
    for (const part of parts) indexer.push(part);
    const outcome = indexer.end();
    index.push(performance.now() - started);
    if (!outcome.ok) throw new Error(outcome.error);
    lines = outcome.lines.count;
    started = performance.now();
    if (findBytes(indexer.bytes, 'needle-', false).offsets.length !== 1) throw new Error('needle not found');
    find.push(performance.now() - started);
    // Folding the array of items counts its entries; the path of its last item's line walks back to the array.
    started = performance.now();
    childCount(outcome.lines, 1);
    fold.push(performance.now() - started);
    started = performance.now();
    pathOf(outcome.lines, outcome.lines.count - 4);
    path.push(performance.now() - started);
  }
  const rate = (times: number[]) => `${((body.length / 1e6) / (median(times) / 1000)).toFixed(0)} MB/s`;
  rows.push({
    body: `${sizeMb} MB, ${(lines / 1e6).toFixed(1)} M lines`,
    'index in 1 MB parts (median of 5)': `${ms(median(index))} (${rate(index)})`,
    'find at the end': `${ms(median(find))} (${rate(find)})`,
    'fold the items (entries)': ms(median(fold)),
    'path of the last item': ms(median(path)),
  });
}
printTable("The body worker's own work in Node: index a JSON body part by part, then find a string at its end", rows);
