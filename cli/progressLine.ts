// The progress line of a run on a terminal: `[12/40] POST Create user…` on standard error, rewritten in place while a
// request is on its way, erased before each result line and at the end. Never in CI or when standard error is not a
// terminal (a file, a pipe, a CI log): there it would only be noise between the lines.
export interface Progress {
  /** Shows that request `index` (0-based) of `total` is being sent. */
  sending(index: number, total: number, method: string, name: string): void;
  /** Erases the line (before a result line is printed, and at the end). */
  clear(): void;
}

export const noProgress: Progress = { sending: () => {}, clear: () => {} };

/** The line's text, cut to `columns` (a wider line would wrap, and \r would then erase only its last row); a terminal
 *  that tells no width (0) is taken as 80 wide. */
export function progressText(index: number, total: number, method: string, name: string, columns = 80): string {
  const text = `[${index + 1}/${total}] ${method} ${name.replace(/\s+/g, ' ')}…`;
  const width = Math.max((columns || 80) - 1, 10);
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

interface Terminal {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** On `stream` when it is a terminal and the run is not in CI (the CI variable every CI system sets), else nothing. */
export function progressOn(stream: Terminal, variables: NodeJS.ProcessEnv): Progress {
  if (!stream.isTTY || (variables.CI !== undefined && variables.CI !== '' && variables.CI !== 'false')) return noProgress;
  let shown = false;
  return {
    sending(index, total, method, name) {
      // \r back to the start of the line, ESC [K erases to its end.
      stream.write(`\r\u001b[K${progressText(index, total, method, name, stream.columns)}`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\u001b[K');
      shown = false;
    },
  };
}
