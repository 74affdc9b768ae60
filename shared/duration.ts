// How long something took or will take, in words: one formatter for the status line, the history, timeout messages
// and a token's expiry.

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * "42 ms", "1.25 s", "5 min", or with `rounded`, "3 h", "2 d".
 * `exact` is for a time measured or a limit set: milliseconds under a second, then seconds to two decimals (zeros
 * dropped), or minutes when it is a whole number of them. `rounded` is for a glance (a token expires in 3 h): one whole
 * unit, chosen on the rounded value so that 59.9 minutes reads "1 h", not "60 min"; the sign is dropped.
 */
export function formatDuration(ms: number, precision: 'exact' | 'rounded' = 'exact'): string {
  return precision === 'exact' ? exactly(ms) : roughly(ms);
}

function exactly(ms: number): string {
  const whole = Math.round(ms);
  if (Math.abs(whole) < SECOND) return `${whole} ms`;
  if (whole % MINUTE === 0) return `${whole / MINUTE} min`;
  return `${Number((ms / SECOND).toFixed(2))} s`;
}

function roughly(ms: number): string {
  const seconds = Math.round(Math.abs(ms) / SECOND);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(seconds / 3600);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(seconds / 86400)} d`;
}
