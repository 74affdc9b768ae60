// A pasted cURL command as the words curl would receive. Two syntaxes: a POSIX shell's (bash; split by the shlex
// package: quotes, $'…' escapes, backslash-newline continuations) and Windows cmd's, which browsers produce as
// "Copy as cURL (cmd)": ^ escapes and ^-newline continuations, then the C runtime's "…" and \" rules. No package
// covers cmd's two layers (shlex, shell-quote and curlconverter all read shell syntax), so they are spelled out here.
import { split } from 'shlex';
import { fail, ok, type Result } from '../errors';

/** Shell operators that end the curl command (`… | jq .`); what follows is another program's. */
const OPERATORS = new Set(['|', '||', '&&', ';', '&', '>', '>>', '<', '2>', '2>&1', '|&']);

export interface CurlWords {
  /** The command's words, `curl` first. */
  words: string[];
  /** What followed a shell operator (a pipe to jq, a redirect), which is not part of the request. */
  rest: string | null;
}

/** Whether pasted text is a cURL command (what the URL field turns into a request instead of a URL). */
export const looksLikeCurl = (text: string) => /^\s*(\$\s+)?curl(\.exe)?\s/i.test(text);

export function curlWords(text: string): Result<CurlWords> {
  // A prompt copied from the docs (`$ curl …`), and Windows line ends.
  const command = text.replace(/\r\n?/g, '\n').trim().replace(/^\$\s+/, '');
  let words: string[];
  if (isCmdSyntax(command)) {
    words = cmdWords(command);
  } else {
    try {
      words = split(command);
    } catch {
      return fail('INVALID_ARGUMENT', 'The cURL command has a quote that is never closed, so where its last word ends is unclear.', {
        hint: 'Copy the whole command again; nothing was imported.',
      });
    }
  }
  if (!/^curl(\.exe)?$/i.test(words[0] ?? '')) return fail('INVALID_ARGUMENT', 'This is not a cURL command: it does not start with “curl”.');
  const end = words.findIndex((word) => OPERATORS.has(word));
  return ok(end === -1 ? { words, rest: null } : { words: words.slice(0, end), rest: words.slice(end).join(' ') });
}

/**
 * cmd's marks: a caret before a quote or at a line's end (Chrome's copy), or "" inside a word with no single quote
 * anywhere (Firefox's Windows copy, `"{""a"":1}"`). A POSIX command has none of these outside its quotes.
 */
const isCmdSyntax = (command: string) => /\^"|\^\n/.test(command) || (/\S""\S/.test(command) && !command.includes("'"));

/** cmd.exe's pass (outside its quotes, ^ takes the next character as it is, and ^ before a line break joins the lines), then the C runtime's split into words. */
function cmdWords(command: string): string[] {
  let line = '';
  let quoted = false;
  for (let at = 0; at < command.length; at++) {
    const char = command[at]!;
    if (char === '^' && !quoted) {
      at++;
      // ^ at the end of a line continues it, and the next line's first character is taken as it is.
      if (command[at] === '\n') at++;
      if (at < command.length) line += command[at];
      continue;
    }
    if (char === '"') quoted = !quoted;
    line += char;
  }
  return crtWords(line);
}

/** How the Microsoft C runtime splits a command line: whitespace between words, "…" quotes, \" a quote, and backslashes literal unless before a quote. */
function crtWords(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quoted = false;
  for (let at = 0; at < line.length; at++) {
    const char = line[at]!;
    if (char === '\\') {
      let count = 0;
      while (line[at] === '\\') {
        count++;
        at++;
      }
      if (line[at] === '"') {
        word = (word ?? '') + '\\'.repeat(Math.floor(count / 2));
        if (count % 2 === 1) word += '"';
        else at--; // an even run: the quote is a quote, read on the next turn
      } else {
        word = (word ?? '') + '\\'.repeat(count);
        at--;
      }
      continue;
    }
    if (char === '"') {
      // "" inside quotes is one literal quote (the runtime's rule since 2008).
      if (quoted && line[at + 1] === '"') {
        word = (word ?? '') + '"';
        at++;
      } else {
        quoted = !quoted;
        word ??= '';
      }
      continue;
    }
    if (!quoted && /\s/.test(char)) {
      if (word !== null) words.push(word);
      word = null;
      continue;
    }
    word = (word ?? '') + char;
  }
  if (word !== null) words.push(word);
  return words;
}
