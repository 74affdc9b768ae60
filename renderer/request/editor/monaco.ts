// Monaco from the local package, for the request body editor: the editor core, the few contributions we use,
// the JSON language (validation as you type), local workers. Response bodies use LineView instead.
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/smartSelect/register';
// Completion (Ctrl+Space, or as a property's name is typed): property names from a body's JSON schema (an imported
// OpenAPI operation). features/suggest registers only inline completions; the suggest widget is this contribution.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker.js?worker';

self.MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};

// Strict JSON, the same rules the send path applies, so the inline markers agree with the error message.
const STRICT_JSON = { validate: true, allowComments: false, trailingCommas: 'error' } as const;
jsonDefaults.setDiagnosticsOptions(STRICT_JSON);

/** Per editor model, the JSON schema its text is checked against (an imported OpenAPI operation's request body). */
const modelSchemas = new Map<string, { uri: string; fileMatch: string[]; schema: object }>();

/** Validates the model's JSON against `schema` and completes its property names; null stops. Monaco holds one list of
 *  schemas for all its editors: each change sets the whole list again. */
export function setModelSchema(model: monaco.editor.ITextModel, schema: object | null): void {
  const key = model.uri.toString();
  if (schema) modelSchemas.set(key, { uri: `keypost://body-schema/${encodeURIComponent(key)}`, fileMatch: [key], schema });
  else if (!modelSchemas.delete(key)) return;
  jsonDefaults.setDiagnosticsOptions({ ...STRICT_JSON, schemas: [...modelSchemas.values()] });
}

// Ctrl+/ (⌘/ on macOS) is Keypost's Keyboard shortcuts (shared/shortcuts.ts), in the editor too: Monaco's own binding
// would comment the line out, which strict JSON refuses anyway.
monaco.editor.addKeybindingRule({ keybinding: monaco.KeyMod.CtrlCmd | monaco.KeyCode.Slash, command: '-editor.action.commentLine' });

export { monaco };
