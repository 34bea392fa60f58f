import { defineConfig, type ViteUserConfig } from 'vitest/config';
import { workspaceAliases } from './vitest.workspace-aliases.ts';

// The test files that run the example app's desktop bundle for real. Its manifest asks for the
// same ports wherever it runs (the control port 47000, the api from 47010...), so two of them at
// once race for those ports across processes: one's health check can reach the other's api. They
// run one at a time, after everything else (vitest's parallel/sequential projects recipe).
const EXAMPLE_BUNDLE_RUNS = ['examples/end-to-end/test/desktop-run.test.ts', 'packages/cli/test/deploy-local.test.ts', 'packages/cli/test/deploy-vps.test.ts'];

const EXCLUDE = ['**/node_modules/**', '**/dist/**', '**/*.shared.test.ts'];

// The self-contained suite: must pass on a fresh clone without ../shared.
const config: ViteUserConfig = defineConfig({
  resolve: { alias: workspaceAliases },
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    // Inert unless DM_FAST_CHECK_SEED is set (pnpm test:shuffle sets a random one and prints it).
    setupFiles: ['scripts/fast-check-seed.setup.ts'],
    // Each project takes these settings (extends: true) and names its own files.
    projects: [
      {
        extends: true,
        test: {
          name: 'suite',
          include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'examples/*/src/**/*.test.ts', 'examples/*/test/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: [...EXCLUDE, ...EXAMPLE_BUNDLE_RUNS],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: 'example bundle runs', include: EXAMPLE_BUNDLE_RUNS, exclude: EXCLUDE, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});

export default config;
