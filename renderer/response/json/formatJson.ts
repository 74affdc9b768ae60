// The request body's Format (button and Shift+Alt+F): two-space indents, and every character of every value, numbers
// included, as typed (jsonc-parser edits whitespace only; JSON.parse would round 12345678901234567890).
import { applyEdits, format } from 'jsonc-parser';

export const formatJson = (text: string): string => applyEdits(text, format(text, undefined, { tabSize: 2, insertSpaces: true, eol: '\n' }));
