import { defineConfig, type ViteUserConfig } from 'vitest/config';
import { workspaceAliases } from './vitest.workspace-aliases.ts';

// The self-contained suite: must pass on a fresh clone without ../shared.
const config: ViteUserConfig = defineConfig({
  resolve: { alias: workspaceAliases },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'examples/*/src/**/*.test.ts', 'examples/*/test/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/*.shared.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});

export default config;
