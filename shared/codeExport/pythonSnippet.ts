// The request as a Python script using requests, shaped like the classic one (url, headers, requests.post, print the
// status and the JSON). The body goes as `data=` bytes rather than `json=`: json= re-serialises the document
// (", " separators, \u escapes), and the script must send the bytes Keypost sends. Secrets come from os.environ.
import { isPlain, plainText, readsFormEncoded, withQuerySeparator, type ExportPlan, type Value } from './exportPlan';

const SHORTHANDS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

export function pythonSnippet(plan: ExportPlan): string {
  const { body } = plan;
  const lines: string[] = ['# Sends the request as Keypost does.'];
  for (const variable of plan.variables) lines.push(`# ${variable.name}: ${variable.holds}`);
  // requests (through urllib3) percent-encodes these in the URL, where Keypost, curl and fetch send them as typed.
  const urlText = plan.url.map((part) => ('text' in part ? part.text : '')).join('');
  if (/[[\]{}|^`\\]|%[0-9a-f]?[a-f]/.test(urlText)) lines.push('# Note: requests percent-encodes [ ] { } | ^ ` in the URL and upper-cases %xx escapes; servers read them alike.');
  if (plan.headers.some((header) => header.value.some((part) => 'basic' in part))) lines.push('import base64');
  lines.push('import json');
  if (plan.variables.length > 0) lines.push('import os');
  const imports = [...(plan.queryKey ? ['quote'] : []), ...(readsFormEncoded(plan) ? ['quote_plus'] : [])];
  if (imports.length > 0) lines.push(`from urllib.parse import ${imports.join(', ')}`);
  lines.push('', 'import requests', '');

  const key = plan.queryKey;
  // encodeURIComponent's safe set, as buildOutgoing encodes the key.
  const url = key ? `${pyString([...withQuerySeparator(plan.url), { text: `${key.name}=` }])} + quote(os.environ[${pyString([{ text: key.env }])}], safe="!~*'()")` : pyString(plan.url);
  lines.push(`url = ${url}`);
  const args = ['url'];
  if (body.kind === 'text') {
    lines.push(`data = ${isPlain(body.text) ? pyText(plainText(body.text)) : pyString(body.text)}`);
    args.push('data=data.encode("utf-8")');
  }
  if (body.kind === 'multipart') {
    // (None, value) is a plain field; a file is opened and sent under its name.
    lines.push('files = [');
    for (const part of body.parts) {
      lines.push(part.kind === 'text' ? `    (${pyString([{ text: part.name }])}, (None, ${pyString(part.value)})),` : `    (${pyString([{ text: part.name }])}, open(${pyString([{ text: part.path }])}, "rb")),`);
    }
    lines.push(']');
    args.push('files=files');
  }
  if (plan.headers.length > 0) {
    lines.push('headers = {');
    for (const [name, values] of groupedHeaders(plan.headers)) lines.push(`    ${pyString([{ text: name }])}: ${joinValues(values)},`);
    lines.push('}');
    args.push('headers=headers');
  }
  const call = SHORTHANDS.includes(plan.method) ? `requests.${plan.method.toLowerCase()}(${args.join(', ')})` : `requests.request(${pyString([{ text: plan.method }])}, ${args.join(', ')})`;
  lines.push('', `response = ${call}`, '', 'print(response.status_code)', 'try:', '    print(json.dumps(response.json(), indent=2))', 'except ValueError:', '    print(response.text)');
  return lines.join('\n') + '\n';
}

/** A dict holds a name once: repeated headers are joined with ", ", as HTTP reads them. */
function groupedHeaders(headers: ExportPlan['headers']): Array<[string, Value[]]> {
  const groups: Array<[string, Value[]]> = [];
  for (const header of headers) {
    const group = groups.find(([name]) => name.toLowerCase() === header.name.toLowerCase());
    if (group) group[1].push(header.value);
    else groups.push([header.name, [header.value]]);
  }
  return groups;
}

const joinValues = (values: Value[]) => pyString(values.flatMap((value, index) => (index === 0 ? value : [{ text: ', ' }, ...value])));

/** A str expression: a literal, or literals and os.environ[…] joined with +. */
function pyString(value: Value): string {
  const pieces = value
    .filter((part) => !('text' in part) || part.text !== '')
    .map((part) =>
      'text' in part
        ? JSON.stringify(part.text)
        : 'basic' in part
          ? // Basic credentials as buildOutgoing writes them: base64 of the UTF-8 bytes of user:password.
            `base64.b64encode((${JSON.stringify(`${part.basic.user}:`)} + os.environ[${JSON.stringify(part.basic.env)}]).encode("utf-8")).decode("ascii")`
          : part.form
            ? // A form body's secret as Keypost encodes it (URLSearchParams: * kept, ~ escaped, space as +).
              `quote_plus(os.environ[${JSON.stringify(part.env)}], safe="*").replace("~", "%7E")`
            : `os.environ[${JSON.stringify(part.env)}]`,
    );
  return pieces.length === 0 ? '""' : pieces.join(' + ');
}

/** A body: one line as "…", several as a """…""" block that reads as the body does. */
function pyText(text: string): string {
  if (!text.includes('\n')) return JSON.stringify(text); // a JSON string literal is a valid Python one
  const escaped = text
    .replace(/\\/g, '\\\\')
    // Quotes that would close the block: runs of three or more, and those at its end.
    .replace(/"{3,}|"+$/g, (quotes) => '\\"'.repeat(quotes.length))
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return `"""${escaped}"""`;
}
