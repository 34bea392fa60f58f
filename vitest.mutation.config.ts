import { defineConfig, type ViteUserConfig } from 'vitest/config';
import { workspaceAliases } from './vitest.workspace-aliases.ts';

// The suite Stryker runs against the mutants of one area (scripts/mutate.mjs sets MUTATION_PACKAGE and
// MUTATION_TESTS): only that package's own tests, so a mutant counts as killed only when its package
// defends the rule - the area's rule tests when it names them (scripts/mutation-areas.mjs), else all.
const pkg = process.env['MUTATION_PACKAGE'] ?? 'fitness';
const tests = (process.env['MUTATION_TESTS'] ?? '').split(',').filter((f) => f.startsWith(`packages/${pkg}/`));

const config: ViteUserConfig = defineConfig({
  resolve: { alias: workspaceAliases },
  test: {
    include: tests.length > 0 ? tests : [`packages/${pkg}/src/**/*.test.ts`, `packages/${pkg}/test/**/*.test.ts`],
    exclude: ['**/node_modules/**', '**/dist/**', '**/*.shared.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Stryker picks a mutant's tests by their names as the first run saw them, and @fast-check/vitest
    // names each property `... (with seed=N)` with a fresh N per run unless a seed is set: without one
    // no property would ever run against a mutant. scripts/mutate.mjs sets DM_FAST_CHECK_SEED.
    setupFiles: ['scripts/fast-check-seed.setup.ts'],
  },
});

export default config;
