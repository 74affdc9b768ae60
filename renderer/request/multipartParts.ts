// The multipart body's parts as the table edits them. A file part always has a path: it is added once one is picked.
import type { MultipartPart } from '../../shared/request';
import { replaceRow } from './keyValueRows';

export const newTextPart = (): MultipartPart => ({ kind: 'text', name: '', value: '', enabled: true });
export const newFilePart = (path: string): MultipartPart => ({ kind: 'file', name: '', path, enabled: true });

/** Part `index` sending the file at `path` instead, keeping its name and whether it is sent. */
export function withFile(parts: readonly MultipartPart[], index: number, path: string): MultipartPart[] {
  const part = parts[index];
  return part ? replaceRow(parts, index, { kind: 'file', name: part.name, path, enabled: part.enabled }) : parts.slice();
}

/** The file's name as shown: the part of its path after the last / or \ (paths come from Windows too). */
export const fileBaseName = (path: string) => path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1) || path;
