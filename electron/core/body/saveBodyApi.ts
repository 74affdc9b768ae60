// Calls on the body main kept: saveBody (main asks where, then writes it; the page sends no path), readBody
// (the bytes a part at a time, for bodies too big for one IPC message) and openBody (a temp file, in the OS's app).
import type { KeypostApi } from '../../../shared/api';
import { fail, ok } from '../../../shared/errors';
import type { ResponseBodies } from './responseBodies';

/** Asks the user where to save; null when they cancel. The app uses a save dialog, the E2E harness a fixed path. */
export type ChooseSavePath = (suggestedName: string) => Promise<string | null>;

/** Opens a file with the OS's app for its type; answers '' on success or an error message (Electron's shell.openPath). */
export type OpenFile = (path: string) => Promise<string>;

export function createSaveBodyApi({
  bodies,
  chooseSavePath,
  openFile,
}: {
  bodies: ResponseBodies;
  chooseSavePath?: ChooseSavePath;
  openFile?: OpenFile;
}): Pick<KeypostApi, 'saveBody' | 'readBody' | 'openBody'> {
  return {
    async readBody(requestId, offset, maxBytes) {
      const part = bodies.readBytes(requestId, offset, maxBytes);
      return part ? ok(await part) : fail('INVALID_ARGUMENT', 'That response is no longer kept; send the request again.');
    },
    async saveBody(requestId) {
      const name = bodies.suggestedName(requestId);
      if (name === null) return fail('INVALID_ARGUMENT', 'That response is no longer kept; send the request again to save it.');
      if (!chooseSavePath) return fail('INTERNAL', 'Saving files is not available here.');
      const target = await chooseSavePath(name);
      if (target === null) return ok(null);
      try {
        const sizeBytes = await bodies.saveTo(requestId, target);
        if (sizeBytes === 'arriving') return fail('INVALID_ARGUMENT', 'The body is still arriving; save it once it is complete, or Cancel to save what has arrived.');
        return sizeBytes === null
          ? fail('INVALID_ARGUMENT', 'That response is no longer kept; send the request again to save it.')
          : ok({ path: target, sizeBytes });
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? 'unknown error';
        return fail('INTERNAL', `The body could not be written to ${target} (${reason}).`, { hint: 'Pick another folder and try again.' });
      }
    },
    async openBody(requestId) {
      const kept = bodies.location(requestId);
      if (kept === null) return fail('INVALID_ARGUMENT', 'That response is no longer kept; send the request again to open it.');
      // Only the temp file, whose name spoolFileName chose so the OS shows it rather than runs it; the page names no path.
      if (kept.where !== 'file') {
        return fail('INVALID_ARGUMENT', 'Only a body over the size limit is kept as a file that can be opened.', { hint: 'Use Save… to write this body to a file.' });
      }
      if (!openFile) return fail('INTERNAL', 'Opening files is not available here.');
      const problem = await openFile(kept.path).catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
      if (problem) return fail('FILE_ERROR', `The body could not be opened: ${problem}`, { hint: 'Use Save… and open the saved copy instead.' });
      return ok(true);
    },
  };
}
