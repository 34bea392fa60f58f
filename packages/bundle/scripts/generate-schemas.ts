// Writes the JSON Schemas generated from the zod types into packages/bundle/schemas/.
// Run: npx tsx packages/bundle/scripts/generate-schemas.ts (from the repo root).
// A test fails when a committed file differs from what this writes.
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateAllJsonSchemas, serializeJsonSchema } from '../src/json-schemas.ts';

const dir = fileURLToPath(new URL('../schemas/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const [name, schema] of generateAllJsonSchemas()) {
  writeFileSync(dir + name, serializeJsonSchema(schema));
  console.log(`wrote schemas/${name}`);
}
