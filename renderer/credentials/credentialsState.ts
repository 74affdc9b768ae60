// The credentials as the page knows them (names, whether each holds a token, which presets use it: never a token) and
// the token field of the selected one: what was typed or revealed, whether the keychain holds one, what it says of
// itself. Pure functions, tested in Node.
import { DEFAULT_CREDENTIAL, type CredentialInfo, type TokenStatus } from '../../shared/credentials';
import { tokenFacts, type TokenFacts } from '../../shared/tokenFacts';
import { createStore } from '../state/store';

export interface TokenField {
  /** The keychain entry the field reads and writes: the active tab's credential. */
  credential: string;
  /** What the field shows: typed text, or the revealed stored token. */
  value: string;
  /** The user typed something not yet stored in the keychain. */
  dirty: boolean;
  stored: boolean;
  /** What the stored token says of itself (main decodes it); null when none is stored. */
  storedFacts: TokenFacts | null;
  /** Set for an OAuth 2.0 credential: Keypost gets its tokens, so nothing is typed. */
  oauth: TokenStatus['oauth'] | null;
  revealed: boolean;
}

export interface CredentialsState {
  list: CredentialInfo[];
  /** The credential a new tab starts with: the one last chosen. */
  lastChosen: string;
  token: TokenField;
}

const emptyField = (credential: string): TokenField => ({ credential, value: '', dirty: false, stored: false, storedFacts: null, oauth: null, revealed: false });

export const initialCredentials: CredentialsState = { list: [], lastChosen: DEFAULT_CREDENTIAL, token: emptyField(DEFAULT_CREDENTIAL) };

export const credentialsListed = (state: CredentialsState, list: CredentialInfo[]): CredentialsState => ({ ...state, list });

export const credentialChosen = (state: CredentialsState, name: string): CredentialsState => (state.lastChosen === name ? state : { ...state, lastChosen: name });

const withToken = (state: CredentialsState, change: (token: TokenField) => TokenField): CredentialsState => ({ ...state, token: change(state.token) });

/** Another credential in the field: whatever was typed or revealed belonged to the previous one. */
export const tokenTargeted = (state: CredentialsState, credential: string): CredentialsState =>
  state.token.credential === credential ? state : { ...state, token: emptyField(credential) };

/** Main's word on the credential's keychain entry; an answer for a credential no longer in the field does not count. */
export const tokenStatusArrived = (state: CredentialsState, credential: string, status: TokenStatus): CredentialsState =>
  state.token.credential !== credential
    ? state
    : withToken(state, (token) => ({ ...token, stored: status.stored, storedFacts: status.facts ?? null, oauth: status.oauth ?? null }));

export const tokenTyped = (state: CredentialsState, value: string): CredentialsState => withToken(state, (token) => ({ ...token, value, dirty: value !== '' }));

export const tokenRevealed = (state: CredentialsState, stored: string | null): CredentialsState =>
  withToken(state, (token) => ({ ...token, revealed: true, value: stored ?? token.value }));

/** Hiding takes a stored secret out of the page again; typed text stays. */
export const tokenHidden = (state: CredentialsState): CredentialsState => withToken(state, (token) => ({ ...token, revealed: false, value: token.dirty ? token.value : '' }));

/** The typed token is in the keychain now: the field empties unless it is revealed. */
export const tokenStored = (state: CredentialsState, credential: string): CredentialsState =>
  state.token.credential !== credential
    ? state
    : withToken(state, (token) => ({ ...token, stored: true, storedFacts: tokenFacts(token.value), dirty: false, value: token.revealed ? token.value : '' }));

/** What the token that would be sent says of itself: the typed one (decoded here, it is in the page anyway), else the stored one. */
export const tokenFactsOf = (token: TokenField): TokenFacts | null => (token.dirty ? tokenFacts(token.value) : token.stored ? token.storedFacts : null);

export const credentialsStore = createStore(initialCredentials);
