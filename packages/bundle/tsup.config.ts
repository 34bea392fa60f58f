import { defineConfig } from 'tsup';
import { base } from '../../tsup.base.ts';

// Two entries: the full Node API and the pure one that bundles for the browser.
export default defineConfig({ ...base, entry: ['src/index.ts', 'src/pure.ts'] });
