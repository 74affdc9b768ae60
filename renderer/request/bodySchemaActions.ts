// The JSON schema of a saved request's body (an imported OpenAPI operation), asked of main once per request and kept:
// the body editor validates against it and completes its property names.
import { api } from '../api';

const known = new Map<string, Promise<object | null>>();

/** The schema of the saved request `presetId`'s body, or null (none, or its document is gone: the body is not checked). */
export function bodySchemaOf(presetId: string): Promise<object | null> {
  let found = known.get(presetId);
  if (!found) {
    found = api!.bodySchema(presetId).then((answer) => (answer.ok ? answer.value : null));
    known.set(presetId, found);
  }
  return found;
}
