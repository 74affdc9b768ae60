// A Monaco editor bound to a string: editable (the request body) or read-only (the response body).
import { useEffect, useRef } from 'react';
import { editorTheme } from '../../settings/theme';
import { monaco, setModelSchema } from './monaco';

interface Props {
  value: string;
  language: string;
  readOnly?: boolean;
  onChange?: (value: string) => void;
  /** Ctrl/Cmd+Enter inside the editor, with the editor's text as it is now. */
  onSubmit?: (value: string) => void;
  /** Shift+Alt+F inside the editor, with the editor's text as it is now. */
  onFormat?: (value: string) => void;
  /** Move the cursor here (e.g. to a JSON syntax error). */
  reveal?: { line: number; column: number };
  /** A JSON schema the text is checked against, with completion of its property names (an imported operation's body). */
  schema?: object | null;
  testId: string;
  ariaLabel: string;
}

export function MonacoView({ value, language, readOnly = false, onChange, onSubmit, onFormat, reveal, schema = null, testId, ariaLabel }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const callbacks = useRef({ onChange, onSubmit, onFormat });
  // The text last given to or typed into the editor: comparing against it avoids getValue(), which copies the
  // whole model (hundreds of MB for a large response).
  const shown = useRef(value);
  callbacks.current = { onChange, onSubmit, onFormat };

  useEffect(() => {
    const instance = monaco.editor.create(container.current!, {
      value,
      language,
      readOnly,
      ariaLabel,
      automaticLayout: true,
      minimap: { enabled: false },
      folding: true,
      scrollBeyondLastLine: false,
      tabSize: 2,
      fontSize: 13,
      // From the theme setting; theme.ts applies later changes to every editor.
      theme: editorTheme(),
      renderValidationDecorations: 'on',
      links: false,
      // A request body is edited, so long lines wrap; a read-only view keeps them as sent.
      wordWrap: readOnly ? 'off' : 'on',
    });
    instance.onDidChangeModelContent(() => {
      if (!callbacks.current.onChange) return;
      shown.current = instance.getValue();
      callbacks.current.onChange(shown.current);
    });
    instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => callbacks.current.onSubmit?.(instance.getValue()));
    instance.addCommand(monaco.KeyMod.Shift | monaco.KeyMod.Alt | monaco.KeyCode.KeyF, () => callbacks.current.onFormat?.(instance.getValue()));
    editor.current = instance;
    return () => {
      const model = instance.getModel();
      if (model) setModelSchema(model, null);
      model?.dispose();
      instance.dispose();
    };
    // Created once; value and language are synced below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const instance = editor.current;
    if (!instance || shown.current === value) return;
    shown.current = value;
    instance.setValue(value);
  }, [value]);

  useEffect(() => {
    const model = editor.current?.getModel();
    if (model) monaco.editor.setModelLanguage(model, language);
  }, [language]);

  useEffect(() => {
    const model = editor.current?.getModel();
    if (model) setModelSchema(model, schema);
  }, [schema]);

  useEffect(() => {
    if (!reveal || !editor.current) return;
    editor.current.setPosition({ lineNumber: reveal.line, column: reveal.column });
    editor.current.revealPositionInCenter({ lineNumber: reveal.line, column: reveal.column });
    editor.current.focus();
  }, [reveal]);

  return <div className="monaco" data-testid={testId} ref={container} />;
}
