import { defineConfig } from 'tsup';
import { base } from '../../tsup.base.ts';

// The library, and one self-contained entry (every dependency inlined) that a desktop
// bundle ships and its Electron shell runs with its own Node: `runtime.mjs`.
export default defineConfig([
  base,
  {
    ...base,
    entry: { runtime: 'src/bin.ts' },
    outExtension: () => ({ js: '.mjs' }),
    dts: false,
    clean: false,
    sourcemap: false,
    noExternal: [/.*/],
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __dmRequire } from 'node:module'; const require = __dmRequire(import.meta.url);" },
  },
]);
