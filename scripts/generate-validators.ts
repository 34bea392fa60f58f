// Writes every precompiled validator listed in scripts/validator-specs.ts.
// Run: pnpm generate-validators (from the repository root) after changing a schema;
// bundle's generate-schemas runs it too. A test fails when a committed file differs from what this writes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validatorModule, validatorPaths } from './standalone-validator.ts';
import { VALIDATOR_SPECS } from './validator-specs.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
for (const spec of VALIDATOR_SPECS) {
  const module = await validatorModule(spec);
  const paths = validatorPaths(spec);
  mkdirSync(dirname(root + paths.js), { recursive: true });
  writeFileSync(root + paths.js, module.js);
  writeFileSync(root + paths.dts, module.dts);
  console.log(`wrote ${paths.js} (${Math.round(module.js.length / 1024)} KiB)`);
}
