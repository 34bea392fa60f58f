import type { Options } from 'tsup';

/** Shared tsup settings: ESM only, declarations, one entry per package. */
export const base: Options = {
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  tsconfig: 'tsconfig.json',
};
