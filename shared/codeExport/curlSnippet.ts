// The request as a curl command for a POSIX shell (bash, zsh): secrets come from environment variables.
import { quote } from 'shlex';
import { plainText, readsFormEncoded, withQuerySeparator, type ExportPlan, type Value } from './exportPlan';

export function curlSnippet(plan: ExportPlan): string {
  const args: string[] = [];
  const { method, body } = plan;
  const upper = method.toUpperCase();
  const sendsBody = body.kind !== 'none';
  // curl's own choice unless told: GET, or POST when it sends data; HEAD is --head (-X HEAD would wait for a body).
  if (upper === 'HEAD') args.push('--head');
  else if (!(upper === 'GET' && !sendsBody) && !(upper === 'POST' && sendsBody)) args.push(`-X ${quote(method)}`);
  // [ ] { } in a URL are curl's globbing patterns; Keypost sends them as they are.
  if (/[[\]{}]/.test(plainText(plan.url))) args.push('--globoff');
  for (const header of plan.headers) {
    // Basic credentials: curl's -u writes the header (base64 of user:password, as given).
    const basic = header.value.find((part) => 'basic' in part);
    if (basic) args.push(`-u ${shellWord([{ text: `${basic.basic.user}:` }, { env: basic.basic.env }])}`);
    else args.push(`-H ${shellWord([{ text: `${header.name}: ` }, ...header.value])}`);
  }
  // Keypost's client says Content-Length: 0 for a POST, PUT or PATCH without a body; curl says nothing.
  if (!sendsBody && ['POST', 'PUT', 'PATCH'].includes(upper)) args.push(`-H ${quote('Content-Length: 0')}`);
  if (body.kind === 'text') args.push(`--data-raw ${shellWord(body.text)}`);
  if (body.kind === 'multipart') {
    for (const part of body.parts) {
      // --form-string takes the value as it is; -F reads @path as a file to upload.
      args.push(part.kind === 'text' ? `--form-string ${shellWord([{ text: `${part.name}=` }, ...part.value])}` : `-F ${quote(`${part.name}=@"${part.path.replace(/["\\]/g, '\\$&')}"`)}`);
    }
  }
  const lines = plan.variables.map((variable) => `# ${variable.name}: ${variable.holds}`);
  // An API key in the query is percent-encoded as buildOutgoing encodes it (encodeURIComponent; curl's --url-query
  // would write lower-case escapes), by a shell function, since the shell has none.
  // Both walk the value's bytes (LC_ALL=C), so a character beyond ASCII is escaped as its UTF-8 bytes, as Keypost does.
  const key = plan.queryKey;
  let url = shellWord(plan.url);
  if (readsFormEncoded(plan)) {
    lines.push(`formencoded() { local LC_ALL=C s=$1 c i; for ((i = 0; i < \${#s}; i++)); do c=\${s:i:1}; case $c in [A-Za-z0-9*._-]) printf %s "$c" ;; ' ') printf + ;; *) printf %%%02X "'$c" ;; esac; done; }`);
  }
  if (key) {
    lines.push(`urlencoded() { local LC_ALL=C s=$1 c i; for ((i = 0; i < \${#s}; i++)); do c=\${s:i:1}; case $c in [A-Za-z0-9_.~\\!*\\'\\(\\)-]) printf %s "$c" ;; *) printf %%%02X "'$c" ;; esac; done; }`);
    url = `${shellWord([...withQuerySeparator(plan.url), { text: `${key.name}=` }])}"$(urlencoded "$${key.env}")"`;
  }
  return [...lines, [`curl ${url}`, ...args].join(' \\\n  ')].join('\n') + '\n';
}

/**
 * One shell word: single-quoted text, or, when it reads variables, a double-quoted word ("Bearer $KEYPOST_TOKEN").
 * Text with `!` is kept in single quotes beside the variables (interactive bash expands `!` inside double quotes).
 */
function shellWord(value: Value): string {
  if (value.every((part) => 'text' in part)) return quote(plainText(value));
  // A Basic part never reaches here (-u takes it); as a variable it would at least not leak anything.
  const parts = value.map((part): { text: string } | { env: string; form?: true } => ('basic' in part ? { env: part.basic.env } : part));
  const variable = (part: { env: string; form?: true }) => (part.form ? `$(formencoded "$${part.env}")` : `\${${part.env}}`);
  if (parts.some((part) => 'text' in part && part.text.includes('!'))) {
    return parts.map((part) => ('text' in part ? (part.text === '' ? '' : `'${part.text.replace(/'/g, `'"'"'`)}'`) : `"${variable(part)}"`)).join('');
  }
  return `"${parts.map((part) => ('text' in part ? part.text.replace(/[\\"$`]/g, '\\$&') : variable(part))).join('')}"`;
}
