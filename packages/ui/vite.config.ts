// Builds the browser app (app/) into dist/app with relative URLs, so the
// server can serve it under its token path. Workspace packages resolve to
// their TypeScript sources, so the build needs no prior package build.
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';
import { workspaceAliases } from '../../vitest.workspace-aliases.ts';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const config: UserConfig = defineConfig({
  root: here('./app'),
  base: './',
  logLevel: 'warn',
  resolve: { alias: workspaceAliases },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: here('./dist/app'),
    emptyOutDir: true,
    target: 'es2022',
    // The page bundles the SDK (fitness, secrets, bundle with ajv and zod): one local chunk is fine.
    chunkSizeWarningLimit: 2048,
  },
});

export default config;
