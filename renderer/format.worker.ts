// Pretty-prints JSON off the UI thread. jsonc-parser re-indents the text without parsing values,
// so big integers and number spellings (1.0, 1e3) stay exactly as the server sent them.
import { applyEdits, format, printParseErrorCode, visit } from 'jsonc-parser';
import type { FormatReply } from './formatJson';

self.onmessage = (event: MessageEvent<{ id: number; text: string }>) => {
  const { id, text } = event.data;
  let error: string | undefined;
  visit(
    text,
    {
      onError: (code, offset) => {
        error ??= `${printParseErrorCode(code)} at offset ${offset}`;
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  const reply: FormatReply = error
    ? { id, ok: false, error }
    : { id, ok: true, text: applyEdits(text, format(text, undefined, { tabSize: 2, insertSpaces: true, eol: '\n' })) };
  self.postMessage(reply);
};
