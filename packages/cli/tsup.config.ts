import { defineConfig } from 'tsup';
import { base } from '../../tsup.base.ts';

export default defineConfig([
  // The library entry: the SDK packages stay dependencies.
  { ...base, entry: ['src/index.ts'] },
  // The command: one self-contained bundle (every dependency inlined, one chunk
  // per command), so a run loads a few files instead of hundreds of modules.
  // Only the ui package stays a dependency: it serves its built page from
  // beside its own code.
  {
    ...base,
    entry: ['src/bin.ts'],
    dts: false,
    clean: false,
    noExternal: [/^(?!@deployment-manager\/ui$)/],
    external: ['@deployment-manager/ui'],
    splitting: true,
    // CommonJS dependencies call require() for Node built-ins.
    banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  },
]);
