import { defineConfig, type ViteUserConfig } from 'vitest/config';
import { workspaceAliases } from './vitest.workspace-aliases.ts';

// Suites that read ../shared (real Vrooli fixtures, official schemas).
const config: ViteUserConfig = defineConfig({
  resolve: { alias: workspaceAliases },
  test: {
    include: ['packages/*/test/**/*.shared.test.ts', 'packages/*/src/**/*.shared.test.ts', 'examples/*/test/**/*.shared.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});

export default config;
