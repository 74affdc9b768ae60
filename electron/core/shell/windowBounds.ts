// Restoring the window where the user left it, only when that place is still on a screen and big enough.
import type { WindowBounds } from '../../../shared/settings';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How much of the title bar must land on a screen for the window to be reachable with the mouse. */
const MIN_VISIBLE = { width: 100, height: 40 };

/**
 * The saved bounds to reopen with, clamped to the screen that holds them; null when there are none or
 * they would put the window off every screen (a monitor was unplugged) — then the defaults apply.
 */
export function restoredBounds(saved: WindowBounds | null, workAreas: Rect[], min: { width: number; height: number }): WindowBounds | null {
  if (!saved) return null;
  const titleBar: Rect = { x: saved.x, y: saved.y, width: saved.width, height: MIN_VISIBLE.height };
  const screen = workAreas.find((area) => {
    const overlap = intersection(titleBar, area);
    return overlap.width >= Math.min(MIN_VISIBLE.width, saved.width) && overlap.height >= MIN_VISIBLE.height;
  });
  if (!screen) return null;
  const width = Math.max(min.width, Math.min(saved.width, screen.width));
  const height = Math.max(min.height, Math.min(saved.height, screen.height));
  return { ...saved, width, height };
}

function intersection(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}
