// The request as code to copy: a curl command, a JavaScript fetch call or a Python requests script, each sending what
// Keypost sends for the same document. Pure: no token is ever passed in; each snippet reads it from the environment.
import type { Environment } from '../environments';
import type { Result } from '../errors';
import type { RequestDocument } from '../request';
import { checkRequest } from '../requestChecks';
import { curlSnippet } from './curlSnippet';
import { exportPlan, secretMarker, type ExportPlan } from './exportPlan';
import { fetchSnippet } from './fetchSnippet';
import { pythonSnippet } from './pythonSnippet';

export const CODE_LANGUAGES = [
  { id: 'curl', label: 'cURL' },
  { id: 'fetch', label: 'fetch' },
  { id: 'python', label: 'Python' },
] as const;

export type CodeLanguage = (typeof CODE_LANGUAGES)[number]['id'];

const GENERATORS: Record<CodeLanguage, (plan: ExportPlan) => string> = { curl: curlSnippet, fetch: fetchSnippet, python: pythonSnippet };

/** The snippet, or why the request cannot be sent as it stands (the same check Send makes). */
export function codeSnippet(language: CodeLanguage, document: RequestDocument): Result<string> {
  const checked = checkRequest(document);
  if (!checked.ok) return checked;
  return { ok: true, value: GENERATORS[language](exportPlan(checked.value)) };
}

/** The values the Code dialog resolves {{variables}} with: plain ones as they are; each secret one as the environment
 *  variable the snippet reads (KEYPOST_SECRET_<NAME>), whether or not this machine holds its value. */
export const snippetValues = (environment: Environment | undefined): Map<string, string> =>
  new Map((environment?.variables ?? []).filter((variable) => variable.enabled).map((variable) => [variable.name, variable.secret ? secretMarker(variable.name) : variable.value]));
