// A form table's body text: the one encoding of application/x-www-form-urlencoded that sending, the code export and
// the cURL import (which keeps a body in a table only when this gives back curl's bytes) all share.
import type { FormField } from './request';

/** The enabled fields as URLSearchParams writes them, as browsers submit forms (space as +). */
export const formBodyText = (fields: readonly FormField[]) =>
  new URLSearchParams(fields.filter((field) => field.enabled).map((field): [string, string] => [field.name, field.value])).toString();
