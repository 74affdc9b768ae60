// "json-view": highlighting for read-only response bodies without Monaco's JSON language service.
// The service syncs the whole model to a worker that builds a syntax tree for validation, folding and
// outline: hundreds of MB for a 10 MB body, and nothing to validate in a response we already parsed.
// Folding then follows indentation, which pretty-printed JSON has by construction.
import { monaco } from './monaco';

export const JSON_VIEW_LANGUAGE = 'json-view';

monaco.languages.register({ id: JSON_VIEW_LANGUAGE });
monaco.languages.setLanguageConfiguration(JSON_VIEW_LANGUAGE, {
  brackets: [
    ['{', '}'],
    ['[', ']'],
  ],
});
monaco.languages.setMonarchTokensProvider(JSON_VIEW_LANGUAGE, {
  tokenPostfix: '.json',
  tokenizer: {
    root: [
      [/"(?:[^"\\]|\\.)*"(?=\s*:)/, 'type'],
      [/"(?:[^"\\]|\\.)*"/, 'string.value'],
      [/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/, 'number'],
      [/\b(?:true|false|null)\b/, 'keyword'],
      [/[{}[\]]/, '@brackets'],
      [/[,:]/, 'delimiter'],
    ],
  },
});
