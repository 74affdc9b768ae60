// Reopening the window where it was: saved bounds are used only when they still land on a screen.
// (main.ts only reads the displays and applies the result; it needs the Electron binary, which these tests run without.)
import { describe, expect, it } from 'vitest';
import { restoredBounds } from '../../electron/core/shell/windowBounds';

const laptop = { x: 0, y: 0, width: 1440, height: 870 };
const monitor = { x: 1440, y: 0, width: 2560, height: 1400 };
const min = { width: 720, height: 480 };
const saved = (x: number, y: number, width = 1000, height = 700, maximized = false) => ({ x, y, width, height, maximized });

describe('restoredBounds', () => {
  it('reopens at the saved place and size', () => {
    expect(restoredBounds(saved(100, 50), [laptop], min)).toEqual(saved(100, 50));
    expect(restoredBounds(saved(1600, 100, 2000, 1200, true), [laptop, monitor], min)).toEqual(saved(1600, 100, 2000, 1200, true));
  });

  it('uses the defaults when nothing was saved or the screen it was on is gone', () => {
    expect(restoredBounds(null, [laptop], min)).toBeNull();
    expect(restoredBounds(saved(1600, 100), [laptop], min)).toBeNull();
    expect(restoredBounds(saved(100, -600), [laptop], min)).toBeNull();
  });

  it('shrinks a window larger than its screen and grows one below the minimum size', () => {
    expect(restoredBounds(saved(0, 0, 2400, 1600), [laptop], min)).toEqual(saved(0, 0, 1440, 870));
    expect(restoredBounds(saved(10, 10, 200, 100), [laptop], min)).toEqual(saved(10, 10, 720, 480));
  });
});
