// Requests that arrive from another tool's file: an API's description (OpenAPI 3.0/3.1) or another client's export
// (Postman collection v2.1). Each is converted in main into this one shape (electron/core/imports/), previewed in
// the page, then written into a collection as request files, an environment, and credentials.
// Secrets a file holds (a Postman token, a secret variable's value) stay in main: they go to the keychain on import,
// never into a file or to the page.
import type { OAuthConfig } from './oauth';
import type { PresetDraft } from './presets';

export type ForeignKind = 'openapi' | 'postman';

export interface ImportedRequest {
  /** Where it goes inside the import's folder, '/'-joined ('' = the import's folder itself): an OpenAPI tag, a
   *  Postman folder path. */
  folder: string;
  draft: PresetDraft;
}

export interface ImportedVariable {
  name: string;
  /** A secret's value is only ever in main, on its way to the keychain. */
  value: string;
  secret: boolean;
}

export interface ImportedCredential {
  /** The name requests use (auth.credential): a keychain credential. */
  name: string;
  /** Where it came from, in words: `security scheme “petstore_auth” (OAuth 2.0)`, `the collection's bearer auth`. */
  source: string;
  /** An OAuth 2.0 credential's settings with its URLs filled in; its client secret is typed later, as any. */
  oauth?: OAuthConfig;
  /** A token, key or password the file held: stored in the keychain under `name` on import, as when typed. */
  secret?: string;
}

/** One converted file, in main. */
export interface ForeignCollection {
  kind: ForeignKind;
  /** The API's or collection's title: the name of the folder the requests go into. */
  title: string;
  requests: ImportedRequest[];
  /** Variables for one environment named after the title (OpenAPI: the servers as `baseUrl`; Postman: its variables). */
  variables: ImportedVariable[];
  credentials: ImportedCredential[];
  /** What could not be mapped, each a sentence that says what and where (`the pre-request script of “Log in”`). */
  notMapped: string[];
  /** What was read but may be wrong (a document that does not quite follow its specification), each a sentence. */
  problems?: string[];
  /** The source document itself, copied into the import's folder: requests link to it for their body's schema
   *  (OpenAPI: request.schema). */
  document?: { fileName: string; text: string };
}

/** What the page is shown before an import: counts and names, never a secret. */
export interface ForeignPreview {
  /** Main keeps the converted collection under this id until it is imported or dropped. */
  id: string;
  kind: ForeignKind;
  title: string;
  /** Where it came from: a file's name or the URL. */
  source: string;
  requestCount: number;
  /** Requests per folder ('' = the import's folder itself), folders in order. */
  folders: Array<{ folder: string; count: number }>;
  credentials: Array<{ name: string; source: string; kind: 'oauth' | 'secret' | 'token' }>;
  variables: string[];
  notMapped: string[];
  problems: string[];
}

export interface ForeignImportOutcome {
  collection: string;
  /** The folder the requests went into (the title, made unique). */
  folder: string;
  requests: number;
  /** The environment made for the variables, if any. */
  environment: string | null;
  /** Credentials stored or set up; those the keychain already had are left as they were. */
  credentialsAdded: string[];
  credentialsKept: string[];
  /** Requests whose example values looked like secrets and were left empty, or that could not be written. */
  problems: string[];
}
