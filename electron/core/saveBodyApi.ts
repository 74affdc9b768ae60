// Calls on the body main kept: saveBody (main asks where, then writes it; the page sends no path) and readBody
// (the text a part at a time, for bodies too big for one IPC message).
import type { KeypostApi } from '../../shared/api';
import { fail, ok } from '../../shared/errors';
import type { ResponseBodies } from './responseBodies';

/** Asks the user where to save; null when they cancel. The app uses a save dialog, the E2E harness a fixed path. */
export type ChooseSavePath = (suggestedName: string) => Promise<string | null>;

export function createSaveBodyApi({ bodies, chooseSavePath }: { bodies: ResponseBodies; chooseSavePath?: ChooseSavePath }): Pick<KeypostApi, 'saveBody' | 'readBody'> {
  return {
    async readBody(requestId, offset, maxBytes) {
      const part = bodies.readText(requestId, offset, maxBytes);
      return part ? ok(part) : fail('INVALID_ARGUMENT', 'That response is no longer kept; send the request again.');
    },
    async saveBody(requestId) {
      const name = bodies.suggestedName(requestId);
      if (name === null) return fail('INVALID_ARGUMENT', 'That response is no longer kept; send the request again to save it.');
      if (!chooseSavePath) return fail('INTERNAL', 'Saving files is not available here.');
      const target = await chooseSavePath(name);
      if (target === null) return ok(null);
      try {
        const sizeBytes = await bodies.saveTo(requestId, target);
        return sizeBytes === null
          ? fail('INVALID_ARGUMENT', 'That response is no longer kept; send the request again to save it.')
          : ok({ path: target, sizeBytes });
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? 'unknown error';
        return fail('INTERNAL', `The body could not be written to ${target} (${reason}).`, { hint: 'Pick another folder and try again.' });
      }
    },
  };
}
