// The request as a JavaScript fetch call, an ES module for Node 18 or later: secrets come from process.env.
import { readsFormEncoded, withQuerySeparator, type ExportPlan, type Value } from './exportPlan';

export function fetchSnippet(plan: ExportPlan): string {
  const lines: string[] = [];
  const { body } = plan;
  if (body.kind === 'multipart' && body.parts.some((part) => part.kind === 'file')) lines.push("import { openAsBlob } from 'node:fs';", '');
  lines.push('// Sends the request as Keypost does. Run it as an ES module (node --input-type=module, or a .mjs file).');
  for (const variable of plan.variables) lines.push(`// ${variable.name}: ${variable.holds}`);
  if (plan.variables.length > 0) {
    lines.push(
      'const env = (name) => {',
      '  const value = process.env[name];',
      '  if (value === undefined) throw new Error(`Set the environment variable ${name} first.`);',
      '  return value;',
      '};',
    );
  }
  // A form body's secret, encoded as Keypost encodes the value it resolved (URLSearchParams: space as +).
  if (readsFormEncoded(plan)) lines.push("const formEncoded = (value) => new URLSearchParams([['', value]]).toString().slice(1);");
  lines.push('');

  // An API key in the query is appended as buildOutgoing appends it: encodeURIComponent, after the query as it is.
  const key = plan.queryKey;
  const url = key ? `\`${templateText(withQuerySeparator(plan.url))}${key.name}=\${encodeURIComponent(env('${key.env}'))}\`` : jsString(plan.url);
  if (body.kind === 'multipart') {
    lines.push('const form = new FormData();');
    for (const part of body.parts) {
      if (part.kind === 'text') lines.push(`form.append(${jsString([{ text: part.name }])}, ${jsString(part.value)});`);
      else lines.push(`form.append(${jsString([{ text: part.name }])}, await openAsBlob(${jsString([{ text: part.path }])}), ${jsString([{ text: baseName(part.path) }])});`);
    }
    lines.push('');
  }
  lines.push(`const response = await fetch(${url}, {`);
  if (plan.method !== 'GET') lines.push(`  method: ${jsString([{ text: plan.method }])},`);
  if (plan.headers.length > 0) lines.push(...headerLines(plan.headers));
  if (body.kind === 'text') lines.push(`  body: ${jsString(body.text)},`);
  if (body.kind === 'multipart') lines.push('  body: form,');
  lines.push('});', '', 'console.log(response.status);', 'const text = await response.text();', 'try {', '  console.log(JSON.stringify(JSON.parse(text), null, 2));', '} catch {', '  console.log(text);', '}');
  return lines.join('\n') + '\n';
}

/** An object of headers, or pairs when a name repeats (an object would keep only one of them). */
function headerLines(headers: ExportPlan['headers']): string[] {
  const names = headers.map((header) => header.name.toLowerCase());
  if (new Set(names).size < names.length) {
    return ['  headers: [', ...headers.map((header) => `    [${jsString([{ text: header.name }])}, ${jsString(header.value)}],`), '  ],'];
  }
  return ['  headers: {', ...headers.map((header) => `    ${jsString([{ text: header.name }])}: ${jsString(header.value)},`), '  },'];
}

/** A string literal: '…' for one line of text, a template literal for several lines or a variable. */
function jsString(value: Value): string {
  const variables = value.some((part) => !('text' in part));
  const text = value.map((part) => ('text' in part ? part.text : '')).join('');
  if (!variables && !text.includes('\n')) return `'${text.replace(/[\\']/g, '\\$&').replace(/[\u0000-\u001f\u2028\u2029]/g, unicodeEscape)}'`;
  return `\`${templateText(value)}\``;
}

/** The inside of a template literal. Template literals turn CR and CRLF into LF, so \r (and every other control character but LF and tab) is escaped. */
const templateText = (value: Value): string =>
  value
    .map((part) =>
      'basic' in part
        ? // Basic credentials as buildOutgoing writes them: base64 of the UTF-8 bytes of user:password.
          `\${Buffer.from(\`${templateText([{ text: part.basic.user }])}:\${env('${part.basic.env}')}\`).toString('base64')}`
        : 'env' in part
          ? part.form
            ? `\${formEncoded(env('${part.env}'))}`
            : `\${env('${part.env}')}`
          : part.text.replace(/[\\`]|\$\{/g, (match) => `\\${match}`).replace(/[\u0000-\u0008\u000b-\u001f\u2028\u2029]/g, unicodeEscape),
    )
    .join('');

const unicodeEscape = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;
