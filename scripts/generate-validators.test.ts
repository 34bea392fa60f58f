import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { validatorModule, validatorPaths } from './standalone-validator.ts';
import { VALIDATOR_SPECS } from './validator-specs.ts';

const read = (path: string): string => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

describe('precompiled validators', () => {
  it.each(VALIDATOR_SPECS.map((s) => [`${s.package}/${s.name}`, s] as const))('%s is what scripts/generate-validators.ts writes from its schema', async (_name, spec) => {
    const expected = await validatorModule(spec);
    const paths = validatorPaths(spec);
    const hint = `${paths.js} is stale: run "pnpm generate-validators" (after changing ${spec.source})`;
    expect(read(paths.js) === expected.js, hint).toBe(true);
    expect(read(paths.dts), hint).toBe(expected.dts);
  });

  it('import nothing: each runs from the sources, a build or a bundle alike', async () => {
    const entryPoints = VALIDATOR_SPECS.map((spec) => fileURLToPath(new URL(`../${validatorPaths(spec).js}`, import.meta.url)));
    const { metafile } = await build({ entryPoints, bundle: true, write: false, metafile: true, format: 'esm', outdir: 'unused', external: ['*'], logLevel: 'silent' });
    const imports = Object.entries(metafile.inputs).flatMap(([file, input]) => input.imports.map((i) => `${file} imports ${i.path}`));
    expect(imports).toEqual([]);
  });
});
