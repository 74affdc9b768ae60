// A foreign file's text read as JSON or YAML, and, when it is neither an OpenAPI document nor a Postman collection,
// what it is in words. Nothing here trusts the file: sizes are capped before, and every refusal says what and where.
import { parse as parseYaml } from 'yaml';
import { fail, ok, type Result } from '../../../shared/errors';

/** The most a file or a fetched document may hold: GitHub's whole REST description is 13 MB. */
export const FOREIGN_MAX_BYTES = 50 * 1024 * 1024;

/** Where the document came from: a file's name or a URL, and its text as read (copied into the import's folder). */
export interface ForeignSource {
  fileName: string;
  /** The address it was fetched from: relative server URLs are read against it. */
  url?: string;
  text: string;
}

export interface ParsedDocument {
  json: unknown;
  format: 'json' | 'yaml';
}

const invalid = (source: string, why: string, hint = 'Choose an OpenAPI 3.0 or 3.1 document (JSON or YAML) or a Postman collection v2.1.') =>
  fail('IMPORT_INVALID', `${source} cannot be imported: ${why}`, { hint });

/** The text as JSON (tried first: a 13 MB JSON document reads ten times faster so) or YAML. */
export function parseForeignText(text: string, source: string): Result<ParsedDocument> {
  const start = text.trimStart();
  if (start === '') return invalid(source, 'it is empty.');
  if (/^<(!doctype\s+html|html|head|body)\b/i.test(start)) return invalid(source, 'it is a web page (HTML), not an API description.', 'Give the address of the document itself (often ending in openapi.json or .yaml), not of the page that shows it.');
  if (start.startsWith('<')) return invalid(source, 'it is XML, not JSON or YAML.');
  if (start.startsWith('{') || start.startsWith('[')) {
    try {
      return ok({ json: JSON.parse(text), format: 'json' });
    } catch {
      // YAML is a superset of JSON with a few more forms: read it as YAML before giving up.
    }
  }
  let json: unknown;
  try {
    json = parseYaml(text, { maxAliasCount: 10_000, prettyErrors: false });
  } catch (error) {
    const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    return invalid(source, `it is neither valid JSON nor valid YAML${line ? ` (the first mistake is on line ${line})` : ''}.`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return invalid(source, 'it is not a JSON or YAML document with fields (an object at the top).');
  return ok({ json, format: 'yaml' });
}

const field = (json: unknown, key: string): unknown => (json !== null && typeof json === 'object' ? (json as Record<string, unknown>)[key] : undefined);

/** What a file that no converter recognises is, in words, and what to do instead. */
export function unrecognised(json: unknown, source: string): Result<never> {
  const openapi = field(json, 'openapi');
  const swagger = field(json, 'swagger');
  if (typeof openapi === 'string' || typeof openapi === 'number') return invalid(source, `it is an OpenAPI ${openapi} document; Keypost reads OpenAPI 3.0 and 3.1 (and Swagger 2.0).`);
  if (field(json, 'swaggerVersion') !== undefined) return invalid(source, `it is a Swagger ${String(field(json, 'swaggerVersion'))} description, which is older than Swagger 2.0.`, 'Convert it to OpenAPI 3 first (for example with the Swagger Editor), then import that.');
  if (swagger !== undefined) return invalid(source, `it is a Swagger ${String(swagger)} document; Keypost reads Swagger 2.0 and OpenAPI 3.0 and 3.1.`);
  if (field(json, 'asyncapi') !== undefined) return invalid(source, 'it is an AsyncAPI document (messages, not HTTP requests).');
  if (field(json, 'format') === 'keypost-presets') return invalid(source, 'it is a Keypost preset export.', 'Use “Import presets…” for it.');
  return invalid(source, 'it is neither an OpenAPI document (no “openapi” field) nor a Postman collection (no “info.schema” field).');
}
