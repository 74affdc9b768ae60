// A token wrapped so that logging, string interpolation or JSON serialisation never shows it.
import { inspect } from 'node:util';

const REDACTED = '[secret]';
// Held outside the object, so no enumeration, spread or debugger property view reaches the value.
const values = new WeakMap<Secret, string>();

export class Secret {
  constructor(value: string) {
    values.set(this, value);
  }

  /** The one way to read the token; call it only where it goes into a request or the keychain. */
  reveal(): string {
    return values.get(this)!;
  }

  /** A new Secret derived from this one (e.g. "Bearer <token>"), without the token leaving the wrapper. */
  map(derive: (value: string) => string): Secret {
    return new Secret(derive(this.reveal()));
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}
