// What is wrong with a GitHub Actions workflow file, in words: action-validator's check against the workflow JSON schema.
// The schema only: it does not read `${{ }}` expressions, nor know an action's inputs (actionlint would; it is a Go binary).
import * as actionValidator from '@action-validator/core';

/**
 * action-validator's error shape (@action-validator/core 0.6, action_validator.d.ts): a `one_of` / `any_of` error holds,
 * in `states`, the errors of each schema branch the value failed.
 * @typedef {{ code: string, title: string, detail?: string, path?: string, location?: { line: number, column: number },
 *             states?: { errors: ValidationError[] }[] }} ValidationError
 */

/**
 * @param {string} source a workflow file's text
 * @returns {string[]} one line per problem, e.g. "/jobs/test: Additional property 'stepz' is not allowed"; none when valid
 */
export function workflowProblems(source) {
  /** @type {ValidationError[]} */
  const errors = actionValidator.validateWorkflow(source).errors;
  return errors.flatMap(closestErrors).map(inWords);
}

/**
 * A value that fits none of a schema's branches fails each in its own way ("runs-on" is refused by the branch for a
 * reusable-workflow job, "stepz" by the one for a normal job). The branch with the fewest errors is the one the file
 * meant, so its errors are the ones worth reading.
 * @param {ValidationError} error
 * @returns {ValidationError[]}
 */
function closestErrors(error) {
  if (!error.states?.length) return [error];
  const branches = error.states.map((state) => state.errors.flatMap(closestErrors));
  return branches.reduce((closest, branch) => (branch.length > 0 && branch.length < closest.length ? branch : closest));
}

/** @param {ValidationError} error */
function inWords(error) {
  const what = error.detail ?? error.title;
  // A parse error's detail already says where ("… at line 3 column 1 …").
  if (error.location) return `the YAML does not parse: ${what}`;
  return `${error.path || '(the whole file)'}: ${what}`;
}
