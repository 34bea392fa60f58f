#!/usr/bin/env node
// The `deployment-manager-runtime` command. An installed package runs its
// self-contained build (dist/runtime.mjs, the file desktop bundles ship). In
// a clone of the repository - where src/ sits beside this file and nothing
// needs to be built - it runs the TypeScript source through tsx, so the
// command exists right after `pnpm install`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = new URL('../src/bin.ts', import.meta.url);
const tsconfig = new URL('../../../tsconfig.json', import.meta.url);
if (existsSync(source) && existsSync(tsconfig)) {
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: fileURLToPath(tsconfig) });
  await import(source.href);
} else {
  await import('../dist/runtime.mjs');
}
