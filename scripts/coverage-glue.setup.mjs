// Vitest setup file for scripts/coverage-glue.mjs only: writes this test file's V8 coverage (NODE_V8_COVERAGE) once its
// tests are done, while the worker still runs (a worker stopped at the end of the run may never write its own).
import { takeCoverage } from 'node:v8';
import { afterAll } from 'vitest';

afterAll(() => takeCoverage());
