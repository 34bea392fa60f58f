import { defineConfig } from 'tsup';
import { base } from '../../tsup.base.ts';

// The Node side (server, layout); `vite build` then writes the browser app into dist/app.
// vite stays an import: only a source checkout (which has it installed) ever loads it.
export default defineConfig({ ...base, external: ['vite'] });
