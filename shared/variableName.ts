// The name of a {{variable}}: one rule for an environment's variables, a capture's variable and an import's names.
import { z } from 'zod';

export const variableNameSchema = z
  .string()
  .min(1, 'A variable needs a name.')
  .max(64, 'A variable name can be at most 64 characters.')
  .regex(/^[A-Za-z_][\w.-]*$/, 'A variable name starts with a letter or _ and uses letters, digits, _ . - only.');
