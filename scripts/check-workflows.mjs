// `npm test`'s workflow check: every .yml/.yaml file in .github/workflows (or the folder given) against GitHub's workflow
// schema, with action-validator (scripts/workflowProblems.mjs). Fails naming each invalid file and what is wrong in it.
//   node scripts/check-workflows.mjs [folder]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { workflowProblems } from './workflowProblems.mjs';

const folder = process.argv[2] ?? '.github/workflows';
let files;
try {
  files = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => path.join(folder, name));
} catch (error) {
  console.error(`Workflow check: cannot read ${folder} (${error instanceof Error ? error.message : error}).`);
  process.exit(1);
}
if (files.length === 0) {
  console.error(`Workflow check: ${folder} holds no workflow file (.yml or .yaml).`);
  process.exit(1);
}

let invalid = 0;
for (const file of files) {
  const problems = workflowProblems(readFileSync(file, 'utf8'));
  if (problems.length === 0) continue;
  invalid++;
  console.error(`${file}: not a valid GitHub Actions workflow (action-validator):`);
  for (const problem of problems) console.error(`  ${problem}`);
}
console.log(`Workflow check: ${files.length - invalid} of ${files.length} workflow file(s) valid against GitHub's schema (${files.join(', ')}).`);
process.exit(invalid === 0 ? 0 : 1);
