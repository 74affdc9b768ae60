// The secret guard: what in a request, or among an environment's plain values, would put a secret into a collection
// file a team keeps in git. Every text field is read by secretlint's recommended rules (maintained key formats) and by
// Keypost's own patterns (shared/secrets.ts: JWTs, AWS access key ids, bearer and basic values, generated keys under
// credential names). A value that only refers to variables ({{key}}, Bearer {{token}}) is never a finding. Findings say where and what in Keypost's words, never
// the secret itself nor secretlint's messages (which quote it).
import { lintSource } from '@secretlint/core';
import { secretLintProfiler } from '@secretlint/profiler';
import { rules as recommendedRules } from '@secretlint/secretlint-rule-preset-recommend';
import { blankReferences } from '../../../shared/environments';
import type { RequestDocument } from '../../../shared/request';
import { isCredentialName, looksGenerated, onlyRefersToVariables, secretValueKind } from '../../../shared/secrets';

export interface SecretFinding {
  /** Where, in words: 'header "X-Token"', 'query parameter "key"', 'URL', 'body', 'form field "x"', … */
  field: string;
  /** What, in words: 'a GitHub token', 'a JSON Web Token', 'a private key', … */
  kind: string;
}

// secretlint's profiler is on by default: each lint puts some 60 marks into the process's performance timeline and keeps
// them, for the life of the app. Its README says to switch it off in library use. A direct dependency on the very
// version core uses, imported as core imports it, so every loader (Node, tsx, Playwright's) gets core's own copy.
secretLintProfiler.setEnabled(false);

type LintConfig = Parameters<typeof lintSource>[0]['options']['config'];

/** Built once: the recommended rules one by one, but the comment filter (a "secretlint-disable" typed into one field
 *  would hide a secret in the fields after it; as a preset, it cannot be switched off). */
const CONFIG: LintConfig = {
  rules: recommendedRules.filter((rule) => rule.meta.id !== '@secretlint/secretlint-rule-filter-comments').map((rule) => ({ id: rule.meta.id, rule })),
};

/** secretlint's findings in Keypost's words: by message id where one rule finds several things, else by rule. */
const KIND_BY_MESSAGE: Record<string, string> = {
  AWSSecretAccessKey: 'an AWS secret access key',
  IncomingWebhook: 'a Slack webhook URL',
  MongoDBConnection: 'a password in a MongoDB connection string',
  MySQLConnection: 'a password in a MySQL connection string',
  PostgreSQLConnection: 'a password in a PostgreSQL connection string',
};
const KIND_BY_RULE: Record<string, string> = {
  gcp: 'a Google Cloud service account key',
  privatekey: 'a private key',
  npm: 'an npm token',
  basicauth: 'a password in the URL',
  slack: 'a Slack token',
  sendgrid: 'a SendGrid API key',
  shopify: 'a Shopify access token',
  stripe: 'a Stripe secret key',
  github: 'a GitHub token',
  gitlab: 'a GitLab token',
  grafana: 'a Grafana token',
  openai: 'an OpenAI API key',
  anthropic: 'an Anthropic API key',
  groq: 'a Groq API key',
  huggingface: 'a Hugging Face token',
  linear: 'a Linear API key',
  notion: 'a Notion integration token',
  '1password': 'a 1Password service account token',
  'hashicorp-vault': 'a HashiCorp Vault token',
  vercel: 'a Vercel token',
  databricks: 'a Databricks token',
  docker: 'a Docker Hub access token',
  figma: 'a Figma access token',
  cloudflare: 'a Cloudflare API key',
  tailscale: 'a Tailscale key',
};
const kindOfLintMessage = (ruleId: string, messageId: string): string =>
  KIND_BY_MESSAGE[messageId] ?? KIND_BY_RULE[ruleId.replace('@secretlint/secretlint-rule-', '')] ?? 'a key or token';

/** AWS's documented example key id, which secretlint also lets pass: a request copied from AWS's docs is no leak. */
const AWS_EXAMPLE_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const keyKind = (text: string): string | null => (text === AWS_EXAMPLE_KEY_ID ? null : secretValueKind(text));
/** Runs that may hold a key in a longer text (a body, a URL): Keypost's value patterns are read at each one's start. */
const WORD = /[\w.-]{15,}/g;
/** Between fields in the one text secretlint reads: no rule's match runs across a blank line and a form feed. */
const SEPARATOR = '\n\f\n';

interface Field {
  label: string;
  /** The request's URL: a user:password@ part in it is a password. */
  url: boolean;
  /** The text as a scanner may read it: each {{reference}} blanked, at the same offsets. */
  text: string;
  /** A row's value (header, query, form field, part): judged whole too ("Bearer abc…"). */
  rowValue: boolean;
  /** The value of a row whose name says it holds a credential: a generated-looking value is a key. */
  credentialRow: boolean;
}

interface Hit {
  field: number;
  start: number;
  end: number;
  kind: string;
}

/** Every secret in the request's text fields, each field and kind once, in the order of the fields. */
export async function findSecrets(request: RequestDocument): Promise<SecretFinding[]> {
  const fields = fieldsOf(request);
  const findings: SecretFinding[] = [];
  for (const { field, kind } of await scan(fields)) {
    const label = fields[field]!.label;
    if (!findings.some((finding) => finding.field === label && finding.kind === kind)) findings.push({ field: label, kind });
  }
  return findings;
}

/**
 * The secrets among named values (an environment's plain variables), each judged as a table row's value is (its name
 * saying whether it holds a credential; a URL in it may hold a password): which value, by its index in `rows`, and
 * what it holds. A value that only refers to variables is never one.
 */
export async function findSecretsInValues(rows: ReadonlyArray<{ name: string; value: string }>): Promise<Array<{ index: number; kind: string }>> {
  const fields: Field[] = [];
  const indexes: number[] = [];
  rows.forEach((row, index) => {
    const field = fieldOf(row.name, row.value, { row, url: true });
    if (!field) return;
    fields.push(field);
    indexes.push(index);
  });
  return (await scan(fields)).map(({ field, kind }) => ({ index: indexes[field]!, kind }));
}

/** What secretlint and Keypost's own patterns find in the fields: each field and kind once, in the order of the fields. */
async function scan(fields: readonly Field[]): Promise<Array<{ field: number; kind: string }>> {
  const starts: number[] = [];
  let joined = '';
  for (const field of fields) {
    if (joined !== '') joined += SEPARATOR;
    starts.push(joined.length);
    joined += field.text;
  }
  const hits: Hit[] = [];
  if (joined.trim() !== '') {
    const result = await lintSource({ source: { content: joined, filePath: 'request.txt', contentType: 'text' }, options: { config: CONFIG, noPhysicFilePath: true } });
    for (const message of result.messages) {
      const field = fieldAt(starts, message.range[0]);
      hits.push({ field, start: message.range[0] - starts[field]!, end: message.range[1] - starts[field]!, kind: kindOfLintMessage(message.ruleId, message.messageId) });
    }
  }
  fields.forEach((field, index) => hits.push(...keypostHits(field, index)));
  return findingsOf(hits);
}

/** Keypost's own patterns over one field: the whole row value, each long word, and a generated key under a credential name. */
function keypostHits(field: Field, index: number): Hit[] {
  const hits: Hit[] = [];
  const whole = field.text.trim();
  const at = field.text.indexOf(whole);
  const wholeKind = field.rowValue ? keyKind(whole) : null;
  if (wholeKind) hits.push({ field: index, start: at, end: at + whole.length, kind: wholeKind });
  for (const word of field.text.matchAll(WORD)) {
    const kind = keyKind(word[0]);
    if (kind) hits.push({ field: index, start: word.index, end: word.index + word[0].length, kind });
  }
  if (field.credentialRow && looksGenerated(whole)) hits.push({ field: index, start: at, end: at + whole.length, kind: 'a generated key or token' });
  // Anywhere in the URL: it overlaps nothing, so only secretlint's finding of the same kind merges with it.
  if (field.url && hasPassword(field.text)) hits.push({ field: index, start: 0, end: 0, kind: 'a password in the URL' });
  return hits;
}

/** One finding per field and kind; a hit inside one already taken (secretlint's first, then the more specific) adds none. */
function findingsOf(hits: readonly Hit[]): Array<{ field: number; kind: string }> {
  const taken: Hit[] = [];
  for (const hit of hits) {
    if (!taken.some((other) => other.field === hit.field && other.start < hit.end && hit.start < other.end)) taken.push(hit);
  }
  taken.sort((a, b) => a.field - b.field || a.start - b.start);
  const findings: Array<{ field: number; kind: string }> = [];
  for (const hit of taken) {
    if (!findings.some((finding) => finding.field === hit.field && finding.kind === hit.kind)) findings.push({ field: hit.field, kind: hit.kind });
  }
  return findings;
}

/** The field holding offset `at` of the joined text (the last one starting at or before it). */
function fieldAt(starts: readonly number[], at: number): number {
  let index = 0;
  while (index + 1 < starts.length && starts[index + 1]! <= at) index++;
  return index;
}

interface FieldOptions {
  /** The field is the value of this row. */
  row?: { name: string };
  url?: boolean;
}

/** One text to read, or null when there is nothing to: blank, or (a row's value) only references to variables. */
function fieldOf(label: string, text: string, { row, url = false }: FieldOptions = {}): Field | null {
  if (text.trim() === '' || (row && onlyRefersToVariables(text))) return null;
  return { label, url, text: blankReferences(text), rowValue: row !== undefined, credentialRow: row !== undefined && isCredentialName(row.name) };
}

/** Every text field of the request with its label in words; blank fields and values that only refer to variables are left out. */
function fieldsOf(request: RequestDocument): Field[] {
  const fields: Field[] = [];
  const add = (label: string, text: string, how: FieldOptions = {}) => {
    const field = fieldOf(label, text, how);
    if (field) fields.push(field);
  };
  const rows = (what: string, list: ReadonlyArray<{ name: string; value: string | null }>) =>
    list.forEach((row, index) => {
      add(`the name of ${what} ${index + 1}`, row.name);
      add(rowLabel(what, row.name, index), row.value ?? '', { row });
    });

  add('URL', request.url, { url: true });
  rows('query parameter', request.query);
  rows('header', request.headers);
  const { body, auth } = request;
  if (body.kind === 'json' || body.kind === 'text') add('body', body.text);
  if (body.kind === 'form') rows('form field', body.fields);
  if (body.kind === 'multipart') {
    body.parts.forEach((part, index) => {
      add(`the name of multipart part ${index + 1}`, part.name);
      if (part.kind === 'text') add(rowLabel('multipart part', part.name, index), part.value, { row: part });
    });
  }
  if (auth.kind === 'apiKey') add(`the API key's ${auth.in === 'header' ? 'header' : 'query parameter'} name`, auth.name);
  if (auth.kind === 'basic') add('basic auth username', auth.username);
  // What an assertion expects is in the file too: a token pasted as the value a header must equal is a token in a file.
  (request.assertions ?? []).forEach((assertion, index) => {
    if (assertion.check !== 'header' && assertion.check !== 'json') return;
    const expected = assertion.equals ?? assertion.matches;
    if (expected !== undefined) add(`expected value of assertion ${index + 1}`, typeof expected === 'string' ? expected : JSON.stringify(expected));
  });
  return fields;
}

/** 'header "X-Token"'; by position when the name is blank, long, or itself looks like a secret (a label never quotes one). */
function rowLabel(what: string, name: string, index: number): string {
  const trimmed = name.trim();
  const quotable = trimmed !== '' && trimmed.length <= 60 && secretValueKind(trimmed) === null && !looksGenerated(trimmed);
  return quotable ? `${what} "${trimmed}"` : `${what} ${index + 1}`;
}

/** Whether a URL has a user:password@ part with a password (a referenced one was blanked: spaces only do not count).
 *  secretlint's rule reads only simple ones (letters, digits, - and _). */
function hasPassword(url: string): boolean {
  try {
    return decodeURIComponent(new URL(url.trim()).password).trim() !== '';
  } catch {
    return false;
  }
}
