import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fc } from '@fast-check/vitest';
import { afterEach, describe, expect, it } from 'vitest';

// scripts/fast-check-seed.setup.ts configures the plain `fast-check` module (importing
// @fast-check/vitest there cost every test file a second or more). That only reaches the properties
// when @fast-check/vitest runs on that very module instance; a version drift would make the seed
// silently inert, and a shuffled run could no longer be replayed.
describe('the fast-check seed setup', () => {
  const saved = fc.readConfigureGlobal();
  const savedSeed = process.env['DM_FAST_CHECK_SEED'];
  afterEach(() => {
    fc.configureGlobal(saved);
    if (savedSeed === undefined) delete process.env['DM_FAST_CHECK_SEED'];
    else process.env['DM_FAST_CHECK_SEED'] = savedSeed;
  });

  it('configures the fast-check module that @fast-check/vitest runs the properties with', () => {
    const root = createRequire(new URL('../package.json', import.meta.url));
    const plugin = createRequire(realpathSync(root.resolve('@fast-check/vitest')));
    expect(realpathSync(plugin.resolve('fast-check'))).toBe(realpathSync(root.resolve('fast-check')));
  });

  it('gives every property the seed of DM_FAST_CHECK_SEED, and refuses one that is not an integer', async () => {
    // A query string makes each import a fresh evaluation of the setup module.
    const setup = './fast-check-seed.setup.ts';
    process.env['DM_FAST_CHECK_SEED'] = '-77';
    await import(`${setup}?seeded`);
    expect(fc.readConfigureGlobal().seed).toBe(-77);
    process.env['DM_FAST_CHECK_SEED'] = '7x';
    await expect(import(`${setup}?bad`)).rejects.toThrow('DM_FAST_CHECK_SEED "7x" is not an integer');
  });
});
