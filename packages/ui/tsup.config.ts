import { defineConfig } from 'tsup';
import { base } from '../../tsup.base.ts';

// The Node side (server, layout); `vite build` then writes the browser app into dist/app.
export default defineConfig(base);
