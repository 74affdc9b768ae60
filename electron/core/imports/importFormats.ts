// The formats Keypost imports, each a test that recognises its files and a converter into the one shape
// (shared/foreignImport.ts). Adding a format is one line here.
import type { Result } from '../../../shared/errors';
import type { ForeignCollection, ForeignKind } from '../../../shared/foreignImport';
import { type ForeignSource, type ParsedDocument, unrecognised } from './foreignText';
import { convertOpenApi, isOpenApi } from './openApiImport';
import { convertPostman, isPostmanFile } from './postmanImport';

export interface ImportFormat {
  kind: ForeignKind;
  recognises(json: unknown): boolean;
  convert(document: ParsedDocument, source: ForeignSource): Result<ForeignCollection> | Promise<Result<ForeignCollection>>;
}

export const IMPORT_FORMATS: readonly ImportFormat[] = [
  { kind: 'openapi', recognises: isOpenApi, convert: convertOpenApi },
  { kind: 'postman', recognises: isPostmanFile, convert: (document, source) => convertPostman(document.json, source.fileName) },
];

/** The document converted by the first format that recognises it, or what it is in words. */
export async function convertForeign(document: ParsedDocument, source: ForeignSource): Promise<Result<ForeignCollection>> {
  const format = IMPORT_FORMATS.find((candidate) => candidate.recognises(document.json));
  return format ? format.convert(document, source) : unrecognised(document.json, source.fileName);
}
