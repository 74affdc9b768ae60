// Durations as people read them: the status line's and history's times, timeout messages, a token's expiry.
import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../shared/duration';

const HOUR = 3600_000;

describe('an exact duration (a time measured, a limit set)', () => {
  it.each([
    [0, '0 ms'],
    [42.4, '42 ms'],
    [300, '300 ms'],
    [999.4, '999 ms'],
    [999.6, '1 s'], // rounded before the unit is chosen, never "1000 ms"
    [1234, '1.23 s'],
    [1200, '1.2 s'],
    [2500, '2.5 s'],
    [30_000, '30 s'],
    [90_000, '90 s'],
    [300_000, '5 min'],
    [61_234, '61.23 s'],
  ])('%d ms reads %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('a rounded duration (a glance)', () => {
  it.each([
    [400, '0 s'],
    [59_400, '59 s'],
    [59_600, '1 min'],
    [59.9 * 60_000, '1 h'],
    [47.4 * HOUR, '47 h'],
    [47.6 * HOUR, '2 d'],
    [-3 * HOUR, '3 h'], // "expired 3 h ago" says the direction in words
  ])('%d ms reads %s', (ms, text) => expect(formatDuration(ms, 'rounded')).toBe(text));
});
