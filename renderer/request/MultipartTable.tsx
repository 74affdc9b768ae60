// The multipart body's parts: text fields typed here, and files picked through main's dialog (the page holds only the path).
import { useEffect, useRef } from 'react';
import type { MultipartPart } from '../../shared/request';
import { TextInput } from '../ui';
import { removeRow, replaceRow } from './keyValueRows';
import { KeyValueColumns } from './KeyValueTable';
import { fileBaseName, newFilePart, newTextPart, withFile } from './multipartParts';
import './request.css';

interface Props {
  parts: readonly MultipartPart[];
  onChange(parts: MultipartPart[]): void;
  /** Opens main's file dialog: the chosen path, or null when cancelled (report failures there, and answer null). */
  onChooseFile(): Promise<string | null>;
}

export function MultipartTable({ parts, onChange, onChooseFile }: Props) {
  const body = useRef<HTMLTableSectionElement>(null);
  const addText = useRef<HTMLButtonElement>(null);
  // The dialog answers later: apply its path to the parts as they are then, not as they were when it opened.
  const latest = useRef(parts);
  // A part just added gets the cursor in its name once it is rendered; after a removal, the part that took its place.
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    latest.current = parts;
    if (focusRow.current !== null) {
      const name = body.current?.querySelector<HTMLInputElement>(`[data-row="${focusRow.current}"] [data-testid="mp-name"]`);
      (name ?? addText.current)?.focus();
    }
    focusRow.current = null;
  });

  const add = (part: MultipartPart) => {
    focusRow.current = latest.current.length;
    onChange([...latest.current, part]);
  };
  const chooseFile = async (index: number | 'new') => {
    const path = await onChooseFile();
    if (path === null) return;
    if (index === 'new') add(newFilePart(path));
    else onChange(withFile(latest.current, index, path));
  };
  const replace = (index: number, part: MultipartPart) => onChange(replaceRow(parts, index, part));
  const remove = (index: number) => {
    focusRow.current = index;
    onChange(removeRow(parts, index));
  };

  return (
    <div className="mp">
      <table className="kv-table" data-testid="multipart-table" aria-label="Multipart fields">
        <KeyValueColumns />
        <tbody ref={body}>
          {parts.map((part, index) => {
            const label = `Part ${index + 1}`;
            return (
              <tr key={index} data-testid="mp-row" data-row={index} data-kind={part.kind} className={part.enabled ? undefined : 'kv-off'}>
                <td className="kv-check">
                  <input
                    type="checkbox"
                    data-testid="mp-enabled"
                    aria-label={`Send part ${index + 1}`}
                    checked={part.enabled}
                    onChange={(event) => replace(index, { ...part, enabled: event.target.checked })}
                  />
                </td>
                <td>
                  <TextInput
                    data-testid="mp-name"
                    aria-label={`${label} name`}
                    placeholder="Name"
                    value={part.name}
                    onChange={(text) => replace(index, { ...part, name: text })}
                  />
                </td>
                <td>
                  {part.kind === 'text' ? (
                    <TextInput
                      data-testid="mp-value"
                      aria-label={`${label} value`}
                      placeholder="Value"
                      value={part.value}
                      onChange={(text) => replace(index, { ...part, value: text })}
                    />
                  ) : (
                    <span className="mp-file">
                      <span className="mp-file-name" data-testid="mp-file-name" title={part.path}>
                        {fileBaseName(part.path)}
                      </span>
                      <button type="button" data-testid="mp-choose-file" aria-label={`Choose another file for part ${index + 1}`} onClick={() => void chooseFile(index)}>
                        Choose file…
                      </button>
                    </span>
                  )}
                </td>
                <td className="kv-remove">
                  <button type="button" data-testid="mp-remove" aria-label={`Remove part ${index + 1}`} title="Remove" onClick={() => remove(index)}>
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="mp-add">
        <button ref={addText} type="button" data-testid="mp-add-text" onClick={() => add(newTextPart())}>
          + Text field
        </button>
        <button type="button" data-testid="mp-add-file" onClick={() => void chooseFile('new')}>
          + File…
        </button>
      </div>
    </div>
  );
}
