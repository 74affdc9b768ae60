// cURL in: commands as browsers' "Copy as cURL" (Chrome's bash and cmd, Firefox's) and API docs write them become
// request documents; what cannot be mapped is listed, and a bearer token is handed back for the keychain.
import { describe, expect, it } from 'vitest';
import { importCurl, type CurlImport } from '../../shared/curl/curlImport';
import { curlWords } from '../../shared/curl/curlWords';
import type { Header, RequestDocument } from '../../shared/request';
import { activeTab, editDraft, initialWorkspace, openImported } from '../../renderer/workspace/workspace';

const CREDENTIAL = 'work';

/** A document with curl's defaults (GET, no body, no authentication) and the given fields. */
const doc = (url: string, extra: Partial<RequestDocument> = {}): RequestDocument => ({
  method: 'GET',
  url,
  query: [],
  headers: [],
  body: { kind: 'none' },
  auth: { kind: 'none' },
  options: {},
  ...extra,
});
const rows = (...pairs: Array<[string, string]>): Header[] => pairs.map(([name, value]) => ({ name, value, enabled: true }));
const bearer = { kind: 'bearer', credential: CREDENTIAL } as const;

interface Case {
  name: string;
  command: string;
  request: RequestDocument;
  token?: string | null;
  /** What each unmapped entry says, as `what → why` (why abbreviated to its first words). */
  unmapped?: string[];
}

const CHROME_HEADERS = String.raw`  -H 'accept: application/json, text/plain, */*' \
  -H 'accept-language: en-GB,en;q=0.9' \
  -H 'sec-ch-ua: "Chromium";v="124", "Google Chrome";v="124", "Not-A.Brand";v="99"' \
  -H 'sec-fetch-mode: cors' \
  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36'`;
const CHROME_ROWS: Array<[string, string]> = [
  ['accept', 'application/json, text/plain, */*'],
  ['accept-language', 'en-GB,en;q=0.9'],
  ['sec-ch-ua', '"Chromium";v="124", "Google Chrome";v="124", "Not-A.Brand";v="99"'],
  ['sec-fetch-mode', 'cors'],
  ['user-agent', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36'],
];

const cases: Case[] = [
  {
    name: 'Chrome "Copy as cURL (bash)": a JSON POST with a bearer token, cookies and --compressed',
    command: String.raw`curl 'https://app.example.com/api/v1/orders?expand=items&page=2' \
${CHROME_HEADERS} \
  -H 'authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJl' \
  -H 'content-type: application/json' \
  -b 'sid=4f1d; theme=dark' \
  --data-raw '{"sku":"A-1","qty":2}' \
  --compressed`,
    request: doc('https://app.example.com/api/v1/orders', {
      method: 'POST',
      query: [
        { name: 'expand', value: 'items', enabled: true },
        { name: 'page', value: '2', enabled: true },
      ],
      headers: rows(...CHROME_ROWS, ['Cookie', 'sid=4f1d; theme=dark']),
      body: { kind: 'json', text: '{"sku":"A-1","qty":2}' },
      auth: bearer,
    }),
    token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJl',
  },
  {
    name: "Chrome bash with $'…' quoting (a quote, a newline and \\u0021 in the body; a quote in a cookie)",
    command: String.raw`curl 'https://api.example.com/v1/notes' \
  -H 'content-type: application/json' \
  -b $'pref=it\'s' \
  --data-raw $'{"note":"it\'s done\u0021\nnext line"}'`,
    request: doc('https://api.example.com/v1/notes', {
      method: 'POST',
      // A raw newline inside a JSON string is not JSON: the body stays text, under the type the command sent.
      headers: rows(['content-type', 'application/json'], ['Cookie', "pref=it's"]),
      body: { kind: 'text', text: '{"note":"it\'s done!\nnext line"}' },
    }),
  },
  {
    name: 'Chrome "Copy as cURL (cmd)": ^" quoting, ^ continuations, \\^" inside the body, ^% and ^& escapes',
    command: String.raw`curl ^"https://api.example.com/v1/search?q=50^%^25 off^&lang=en^" ^
  -H ^"accept: application/json, text/plain, */*^" ^
  -H ^"authorization: Bearer tok-cmd-9f2e^" ^
  -H ^"content-type: application/json^" ^
  -b ^"theme=dark; sid=abc^" ^
  --data-raw ^"^{^\^"name^\^":^\^"Ada ^& Bob^\^",^\^"note^\^":^\^"100^%^\^"^}^" ^
  --compressed`,
    request: doc('https://api.example.com/v1/search', {
      method: 'POST',
      query: [
        { name: 'q', value: '50%25 off', enabled: true },
        { name: 'lang', value: 'en', enabled: true },
      ],
      headers: rows(['accept', 'application/json, text/plain, */*'], ['Cookie', 'theme=dark; sid=abc']),
      body: { kind: 'json', text: '{"name":"Ada & Bob","note":"100%"}' },
      auth: bearer,
    }),
    token: 'tok-cmd-9f2e',
  },
  {
    name: 'Chrome cmd: -X PUT and a body of two lines (^ then an empty line is a newline)',
    command: 'curl ^"https://api.example.com/v1/notes^" ^\n  -X ^"PUT^" ^\n  -H ^"content-type: text/plain^" ^\n  --data-raw ^"line one^\n\nline ^\\^"two^\\^"^"',
    request: doc('https://api.example.com/v1/notes', {
      method: 'PUT',
      headers: rows(['content-type', 'text/plain']),
      body: { kind: 'text', text: 'line one\nline "two"' },
    }),
  },
  {
    name: 'an older cmd copy: plain "…" quotes and ^ line ends',
    command: 'curl "https://api.example.com/v1/items" ^\n  -H "Accept: */*" ^\n  --compressed',
    request: doc('https://api.example.com/v1/items', { headers: rows(['Accept', '*/*']) }),
  },
  {
    name: "Firefox's one line: -X POST, Connection (the client's own), TE kept, Accept-Encoding the same as Keypost's",
    command:
      "curl 'https://api.example.com/v1/items' -X POST -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0' -H 'Accept: application/json' -H 'Accept-Encoding: gzip, deflate, br' -H 'Content-Type: application/json' -H 'Authorization: Bearer ff-tok-1234' -H 'Connection: keep-alive' -H 'TE: trailers' --data-raw '{\"name\":\"Ada\"}'",
    request: doc('https://api.example.com/v1/items', {
      method: 'POST',
      headers: rows(['User-Agent', 'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0'], ['TE', 'trailers']),
      body: { kind: 'json', text: '{"name":"Ada"}' },
      auth: bearer,
    }),
    token: 'ff-tok-1234',
    unmapped: ['Connection: keep-alive → set by Keypost’s'],
  },
  {
    name: 'Firefox "Copy as cURL (Windows)": "" inside quotes is one quote',
    command: 'curl "https://api.example.com/v1/items" -X POST -H "Content-Type: application/json" --data-raw "{""name"":""Ada""}"',
    request: doc('https://api.example.com/v1/items', { method: 'POST', body: { kind: 'json', text: '{"name":"Ada"}' } }),
  },
  {
    name: 'GitHub docs: a placeholder token is not stored (the credential’s own is sent)',
    command: String.raw`curl -L \
  -H "Accept: application/vnd.github+json" \
  -H "Authorization: Bearer <YOUR-TOKEN>" \
  -H "X-GitHub-Api-Version: 2022-11-28" \
  https://api.github.com/repos/OWNER/REPO/issues`,
    request: doc('https://api.github.com/repos/OWNER/REPO/issues', {
      headers: rows(['Accept', 'application/vnd.github+json'], ['X-GitHub-Api-Version', '2022-11-28']),
      auth: bearer,
    }),
    token: null,
    unmapped: ['Bearer <YOUR-TOKEN> → a placeholder, not'],
  },
  {
    name: "GitHub docs: -X POST with -d JSON and no Content-Type (sent as curl sends it: text, form type) and '\\'' quoting",
    command: String.raw`curl -L \
  -X POST \
  -H "Accept: application/vnd.github+json" \
  -H "Authorization: Bearer ghp_16C7e42F292c6912E7710c838347Ae178B4a" \
  https://api.github.com/repos/OWNER/REPO/issues \
  -d '{"title":"Found a bug","body":"I'\''m having a problem."}'`,
    request: doc('https://api.github.com/repos/OWNER/REPO/issues', {
      method: 'POST',
      headers: rows(['Accept', 'application/vnd.github+json'], ['Content-Type', 'application/x-www-form-urlencoded']),
      body: { kind: 'text', text: `{"title":"Found a bug","body":"I'm having a problem."}` },
      auth: bearer,
    }),
    token: 'ghp_16C7e42F292c6912E7710c838347Ae178B4a',
  },
  {
    name: 'Stripe docs: -u key: becomes a Basic Authorization row; -d and --data-urlencode a form body sent as curl writes it',
    command: String.raw`curl https://api.stripe.com/v1/customers \
  -u "sk_test_4eC39HqLyjWDarjtT1zdp7dc:" \
  -d name="Jenny Rosen" \
  --data-urlencode email="jenny.rosen+test@example.com" \
  -d "metadata[order_id]=6735"`,
    request: doc('https://api.stripe.com/v1/customers', {
      method: 'POST',
      // curl sends the space and the brackets as written; a table would send + and %5B…%5D, so it stays text.
      headers: rows(['Authorization', 'Basic c2tfdGVzdF80ZUMzOUhxTHlqV0Rhcmp0VDF6ZHA3ZGM6'], ['Content-Type', 'application/x-www-form-urlencoded']),
      body: { kind: 'text', text: 'name=Jenny Rosen&email=jenny.rosen%2Btest%40example.com&metadata[order_id]=6735' },
    }),
  },
  {
    name: '-d and --data-urlencode whose bytes a form table writes the same way become the form table',
    command: `curl https://api.example.com/v1/customers -d name=Jenny+Rosen --data-urlencode 'email=jenny.rosen+test@example.com' -d 'n=1'`,
    request: doc('https://api.example.com/v1/customers', {
      method: 'POST',
      body: {
        kind: 'form',
        fields: [
          { name: 'name', value: 'Jenny Rosen', enabled: true },
          { name: 'email', value: 'jenny.rosen+test@example.com', enabled: true },
          { name: 'n', value: '1', enabled: true },
        ],
      },
    }),
  },
  {
    name: 'Stripe docs: -G puts the data into the query',
    command: 'curl -G https://api.stripe.com/v1/customers -u sk_test_4eC39HqLyjWDarjtT1zdp7dc: -d limit=3 -d "email=a%40b.c"',
    request: doc('https://api.stripe.com/v1/customers', {
      query: [
        { name: 'limit', value: '3', enabled: true },
        { name: 'email', value: 'a%40b.c', enabled: true },
      ],
      headers: rows(['Authorization', 'Basic c2tfdGVzdF80ZUMzOUhxTHlqV0Rhcmp0VDF6ZHA3ZGM6']),
    }),
  },
  {
    name: 'Slack docs: a Content-Type with a charset is kept as a row over the JSON body',
    command: `curl -X POST -H 'Authorization: Bearer xoxb-1234-5678-abcdef' -H 'Content-type: application/json; charset=utf-8' --data '{"channel":"C123","text":"Hello"}' https://slack.com/api/chat.postMessage`,
    request: doc('https://slack.com/api/chat.postMessage', {
      method: 'POST',
      headers: rows(['Content-type', 'application/json; charset=utf-8']),
      body: { kind: 'json', text: '{"channel":"C123","text":"Hello"}' },
      auth: bearer,
    }),
    token: 'xoxb-1234-5678-abcdef',
  },
  {
    name: 'OpenAI docs: a token that is a shell variable ($OPENAI_API_KEY) is a placeholder',
    command: String.raw`curl https://api.openai.com/v1/chat/completions \
  -H "Content-Type: application/json" \
  -H "Authorization: Bearer $OPENAI_API_KEY" \
  -d '{ "model": "gpt-4o", "messages": [{"role": "user", "content": "Hello!"}] }'`,
    request: doc('https://api.openai.com/v1/chat/completions', {
      method: 'POST',
      body: { kind: 'json', text: '{ "model": "gpt-4o", "messages": [{"role": "user", "content": "Hello!"}] }' },
      auth: bearer,
    }),
    token: null,
    unmapped: ['Bearer $OPENAI_API_KEY → a placeholder, not'],
  },
  {
    name: '--json: a JSON POST (its Content-Type and Accept are what Keypost derives)',
    command: `curl --json '{"a":1}' https://example.com/api`,
    request: doc('https://example.com/api', { method: 'POST', body: { kind: 'json', text: '{"a":1}' } }),
  },
  {
    name: 'Mailgun docs: --user and -F fields; a file part is listed, not mapped',
    command: String.raw`curl -s --user 'api:key-3ax6xnjp29jd6fds4gc373sgvjxteol0' \
  https://api.mailgun.net/v3/example.com/messages \
  -F from='Excited User <mailgun@example.com>' \
  -F subject='Hello' \
  -F attachment=@files/report.pdf`,
    request: doc('https://api.mailgun.net/v3/example.com/messages', {
      method: 'POST',
      headers: rows(['Authorization', 'Basic YXBpOmtleS0zYXg2eG5qcDI5amQ2ZmRzNGdjMzczc2d2anh0ZW9sMA==']),
      body: {
        kind: 'multipart',
        parts: [
          { kind: 'text', name: 'from', value: 'Excited User <mailgun@example.com>', enabled: true },
          { kind: 'text', name: 'subject', value: 'Hello', enabled: true },
        ],
      },
    }),
    unmapped: ['-s → only changes what', '-F attachment=@files/report.pdf → a file part'],
  },
  {
    name: 'a body from a file (-d @file, --data-binary @file) is listed, not read',
    command: 'curl -X POST https://example.com/upload -H "Content-Type: application/json" --data-binary @payload.json',
    // The Content-Type stays: it is what the command sends, with the body the user pastes in.
    request: doc('https://example.com/upload', { method: 'POST', headers: rows(['Content-Type', 'application/json']) }),
    unmapped: ['--data-binary @payload.json → the body is read from a file'],
  },
  {
    name: '--data-urlencode name@file and @file are listed, naming the option, the field and the file; the rest of the data is kept',
    command: `curl https://example.com/search -d a=1 --data-urlencode 'q@query.txt' --data-urlencode @whole.txt`,
    request: doc('https://example.com/search', { method: 'POST', body: { kind: 'form', fields: [{ name: 'a', value: '1', enabled: true }] } }),
    unmapped: [
      '--data-urlencode q@query.txt → curl sends the content of the file “query.txt” URL-encoded as the field “q”; Keypost cannot read a file a pasted command names, so it is not in the body',
      '--data-urlencode @whole.txt → curl sends the content of the file “whole.txt” URL-encoded as a part of the body',
    ],
  },
  {
    name: '-H Accept-Encoding wins over --compressed, as in curl',
    command: `curl https://api.example.com/v1/items -H 'Accept-Encoding: identity' --compressed`,
    request: doc('https://api.example.com/v1/items', { headers: rows(['Accept-Encoding', 'identity']) }),
  },
  {
    name: 'Twilio docs: --data-urlencode fields, a quoted URL',
    command: String.raw`curl -X POST "https://api.twilio.com/2010-04-01/Accounts/AC123/Messages.json" \
--data-urlencode "Body=Hi there" \
--data-urlencode "From=+15557122661"`,
    request: doc('https://api.twilio.com/2010-04-01/Accounts/AC123/Messages.json', {
      method: 'POST',
      body: {
        kind: 'form',
        fields: [
          { name: 'Body', value: 'Hi there', enabled: true },
          { name: 'From', value: '+15557122661', enabled: true },
        ],
      },
    }),
  },
  {
    name: '-k, -sS, -i, -o and --max-time: the TLS opt-in is mapped, the rest listed with the reason',
    command: 'curl -sSik -o out.json --max-time 10 https://localhost:8443/health',
    request: doc('https://localhost:8443/health', { options: { allowSelfSignedTls: true } }),
    unmapped: ['-s → only changes what', '-S → only changes what', '-i → only changes what', '-o out.json → only changes what', '--max-time 10 → the timeout is set'],
  },
  {
    name: '-I is a HEAD request',
    command: 'curl -I https://example.com/',
    request: doc('https://example.com/', { method: 'HEAD' }),
  },
  {
    name: 'letters sharing a dash with the value attached (-sXDELETE) and --url',
    command: 'curl -sXDELETE --url https://example.com/items/1',
    request: doc('https://example.com/items/1', { method: 'DELETE' }),
    unmapped: ['-s → only changes what'],
  },
  {
    name: '-H "Name;" is an empty header; -H "Name:" (removing one of curl’s) is listed',
    command: `curl https://example.com/ -H 'X-Empty;' -H 'Accept:'`,
    request: doc('https://example.com/', { headers: rows(['X-Empty', '']) }),
    unmapped: ["-H 'Accept:' → removes a header"],
  },
  {
    name: '-A, -e and -b become User-Agent, Referer and Cookie rows',
    command: `curl -A 'MyAgent/1.0' -e 'https://ref.example/' -b 'a=1' -b 'b=2' https://example.com/`,
    request: doc('https://example.com/', { headers: rows(['User-Agent', 'MyAgent/1.0'], ['Referer', 'https://ref.example/'], ['Cookie', 'a=1; b=2']) }),
  },
  {
    name: 'a pipe to another program ends the command, and is listed',
    command: `curl -s https://api.example.com/v1/items | jq '.items[0]'`,
    request: doc('https://api.example.com/v1/items'),
    unmapped: ['-s → only changes what', "| jq .items[0] → another program"],
  },
  {
    name: '--oauth2-bearer is a bearer token too',
    command: 'curl --oauth2-bearer tok-oauth-42 https://example.com/me',
    request: doc('https://example.com/me', { auth: bearer }),
    token: 'tok-oauth-42',
  },
  {
    name: 'an unknown option is listed, and an option Keypost does not map keeps its value from being the URL',
    command: 'curl --frobnicate --proxy http://proxy.local:3128 https://example.com/',
    request: doc('https://example.com/'),
    unmapped: ['--frobnicate → not a curl option', '--proxy http://proxy.local:3128 → not supported by Keypost'],
  },
  {
    name: 'a URL without a scheme is http, as curl reads it; a docs prompt ($ ) is ignored',
    command: '$ curl example.com/ping',
    request: doc('http://example.com/ping'),
  },
  {
    name: 'a GET with -d (no -G) keeps the body in the draft and says GET sends none',
    command: `curl -X GET https://example.com/search -H 'Content-Type: application/json' -d '{"q":"x"}'`,
    request: doc('https://example.com/search', { body: { kind: 'json', text: '{"q":"x"}' } }),
    unmapped: ['the body of a GET → Keypost sends GET'],
  },
  {
    name: 'Windows line ends in a bash command',
    command: "curl https://example.com/a \\\r\n  -H 'X-One: 1'\r\n",
    request: doc('https://example.com/a', { headers: rows(['X-One', '1']) }),
  },
];

const summary = (imported: CurlImport) => imported.unmapped.map((entry) => `${entry.what} → ${entry.why}`);

describe('importing real-world cURL commands', () => {
  it.each(cases)('$name', ({ command, request, token = null, unmapped = [] }) => {
    const imported = importCurl(command, CREDENTIAL);
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value.request).toEqual(request);
    expect(imported.value.bearerToken).toBe(token);
    const listed = summary(imported.value);
    expect(listed).toHaveLength(unmapped.length);
    unmapped.forEach((start, index) => expect(listed[index]).toContain(start));
  });
});

describe('the bearer token', () => {
  it('goes to the keychain, not the draft: no Authorization row, the request sends the selected credential', () => {
    const imported = importCurl(`curl https://api.example.com -H 'Authorization: Bearer kp-secret-77'`, 'staging');
    expect(imported.ok && imported.value.bearerToken).toBe('kp-secret-77');
    expect(imported.ok && imported.value.request.auth).toEqual({ kind: 'bearer', credential: 'staging' });
    expect(JSON.stringify(imported.ok && imported.value.request)).not.toContain('kp-secret-77');
  });

  it('keeps other Authorization schemes as a row (the secret-row notice offers to move it)', () => {
    const imported = importCurl(`curl https://api.example.com -H 'Authorization: Token abcdef123456'`, CREDENTIAL);
    expect(imported.ok && imported.value.request.headers).toEqual(rows(['Authorization', 'Token abcdef123456']));
    expect(imported.ok && imported.value.bearerToken).toBeNull();
  });
});

describe('bad input, in words', () => {
  it('an unterminated quote', () => {
    const imported = importCurl(`curl 'https://example.com -H "X: y"`, CREDENTIAL);
    expect(imported.ok).toBe(false);
    expect(!imported.ok && imported.error.message).toMatch(/quote that is never closed/);
  });

  it('text that is not a cURL command', () => {
    expect(importCurl('wget https://example.com', CREDENTIAL).ok).toBe(false);
  });

  it('a command without a URL', () => {
    const imported = importCurl('curl -s -H "Accept: */*"', CREDENTIAL);
    expect(!imported.ok && imported.error.message).toBe('The cURL command has no URL.');
  });
});

describe('splitting into words', () => {
  it('reads single and double quotes, $-quotes and backslash-newline as bash does', () => {
    expect(curlWords(`curl 'a b' "c \\"d\\"" $'e\\tf\\x41' g\\\nh`)).toEqual({ ok: true, value: { words: ['curl', 'a b', 'c "d"', 'e\tfA', 'gh'], rest: null } });
  });

  it('reads cmd’s ^ escapes and continuations, then the C runtime’s quoting', () => {
    expect(curlWords('curl ^"a b^" ^\n  ^"c \\^"d\\^"^" e^&f')).toEqual({ ok: true, value: { words: ['curl', 'a b', 'c "d"', 'e&f'], rest: null } });
  });
});

describe('where an import lands', () => {
  it('fills the active tab when it is an untouched new request, and opens a new tab when it has edits', () => {
    const imported = importCurl('curl https://example.com/imported', CREDENTIAL);
    if (!imported.ok) throw new Error(imported.error.message);
    const { request } = imported.value;
    const fresh = initialWorkspace(CREDENTIAL);
    const filled = openImported(fresh, request);
    expect(filled.tabs).toHaveLength(1);
    expect(activeTab(filled).draft).toEqual(request);

    const edited = editDraft(fresh, fresh.activeId, (draft) => ({ ...draft, url: 'https://typed.example' }));
    const added = openImported(edited, request);
    expect(added.tabs).toHaveLength(2);
    expect(activeTab(added).draft).toEqual(request);
    expect(added.tabs[0]!.draft.url).toBe('https://typed.example');
  });
});
