// One environment as a file in its collection, `environments/<name>.env.yaml`, in the same YAML as a request file:
// keys always in the same order, nothing volatile. A plain variable has its value; a secret one has only its name
// (`secret: true`): its value is in the keychain, never in the file.
import { z } from 'zod';
import {
  environmentIdSchema,
  environmentSchema,
  VALUE_MAX,
  VARIABLES_MAX,
  type Environment,
  type EnvironmentVariable,
} from '../../../shared/environments';
import { variableNameSchema } from '../../../shared/variableName';
import { keypostFileName, keypostYamlText, type ReadKeypostYaml, readKeypostYaml } from '../collections/keypostYaml';

/** Only files ending so, in a collection's environments/ folder, are environments. */
export const ENVIRONMENT_FILE_SUFFIX = '.env.yaml';
/** The format this build writes. A file with a higher number is listed as unread, never rewritten. */
export const ENVIRONMENT_FORMAT_VERSION = 1;

export interface EnvironmentFile {
  /** Secret values in the keychain are found by it (`<id>/<variable>`); absent in a file written by hand. */
  id: string | null;
  name: string;
  /** A secret variable's value is always '' here. */
  variables: EnvironmentVariable[];
}

// The order of the keys in the file is the order of these shapes (zod writes its output in shape order).
const variableSchema = z
  .object({
    name: variableNameSchema,
    value: z.string().max(VALUE_MAX).optional(),
    secret: z.boolean().optional(),
    enabled: z.boolean(),
  })
  .strict()
  .superRefine((variable, context) => {
    if (variable.secret && variable.value !== undefined) {
      context.addIssue({ code: 'custom', path: ['value'], message: `the secret variable “${variable.name}” has a value in the file; a secret's value belongs in the keychain only.` });
    }
    if (!variable.secret && variable.value === undefined) {
      context.addIssue({ code: 'custom', path: ['value'], message: `the variable “${variable.name}” has no value (write value: "" for an empty one, or secret: true).` });
    }
  });

const environmentFileSchema = z
  .object({
    keypost: z.literal(ENVIRONMENT_FORMAT_VERSION),
    id: environmentIdSchema.optional(),
    name: environmentSchema.shape.name,
    variables: z.array(variableSchema).max(VARIABLES_MAX),
  })
  .strict();

/** The file's text: the same environment always gives the same bytes, and never a secret variable's value. */
export function environmentFileText({ id, name, variables }: Pick<Environment, 'name' | 'variables'> & { id: string | null }): string {
  return keypostYamlText(environmentFileSchema, {
    keypost: ENVIRONMENT_FORMAT_VERSION,
    ...(id ? { id } : {}),
    name: name.trim(),
    variables: variables.map(({ name: variable, value, secret, enabled }) => (secret ? { name: variable, secret: true, enabled } : { name: variable, value, enabled })),
  });
}

export type ReadEnvironmentFile = ReadKeypostYaml<EnvironmentFile>;

/** Reads an environment file's text; an unreadable one comes back with the reason in words. */
export function readEnvironmentFile(text: string): ReadEnvironmentFile {
  const read = readKeypostYaml(text, environmentFileSchema, ENVIRONMENT_FORMAT_VERSION, 'environment');
  if (!read.ok) return read;
  const { id, name, variables } = read.value;
  return {
    ok: true,
    value: { id: id ?? null, name, variables: variables.map(({ name: variable, value, secret, enabled }) => ({ name: variable, value: secret ? '' : (value ?? ''), secret: secret === true, enabled })) },
  };
}

/** The file name an environment called `name` gets: its name, made safe for every OS; `-2`, `-3`… when `taken` has it. */
export const environmentFileName = (name: string, taken: (fileName: string) => boolean): string => keypostFileName(name, ENVIRONMENT_FILE_SUFFIX, taken);
