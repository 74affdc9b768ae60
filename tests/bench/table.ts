// Prints a benchmark table in one format for every bench file, evaluates targets, and records what it printed:
// BENCH_FIGURES names a file (scripts/bench.mjs sets it) that gets every table and figure of this run as JSON on exit,
// so `npm run bench -- --check` can fail on a missed target and `--json FILE` can compare two commits.
import { writeFileSync } from 'node:fs';

export type Row = Record<string, string | number>;

const tables: Array<{ title: string; rows: Row[] }> = [];
const figures: Record<string, number> = {};
const missed: string[] = [];

process.once('exit', () => {
  if (process.env.BENCH_FIGURES) writeFileSync(process.env.BENCH_FIGURES, JSON.stringify({ tables, figures, missed }, null, 2));
});

export function printTable(title: string, rows: Row[]): void {
  tables.push({ title, rows });
  console.log(`\n## ${title}`);
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cells = rows.map((row) => columns.map((column) => String(row[column] ?? '')));
  const widths = columns.map((column, i) => Math.max(column.length, ...cells.map((line) => line[i]!.length)));
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(columns));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of cells) console.log(line(row));
}

/**
 * A row's target evaluated: "met", or "not met: …" naming each check that failed (a NaN measurement fails). `what`
 * names the row in the run's list of misses.
 */
export function verdict(what: string, checks: Record<string, boolean>): string {
  const failed = Object.entries(checks).filter(([, passed]) => !passed).map(([check]) => check);
  if (failed.length === 0) return 'met';
  missed.push(`${what}: ${failed.join(', ')}`);
  return `not met: ${failed.join(', ')}`;
}

/** A number to compare across commits (--json), under a stable name. */
export function figure(name: string, value: number): number {
  figures[name] = Number.isFinite(value) ? Math.round(value * 1000) / 1000 : value;
  return value;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
export const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
