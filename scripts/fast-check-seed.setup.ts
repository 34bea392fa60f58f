// Vitest setup file: when DM_FAST_CHECK_SEED is set (scripts/test-shuffle.mjs sets a fresh random
// one per run and prints it; scripts/mutate.mjs a fixed one), every fast-check property of the run
// starts from that seed, so a failed shuffled run is replayed exactly with the seeds it printed.
// Unset, it loads nothing and fast-check picks its own random seed per property, as it always does.
// It configures plain `fast-check`, the module @fast-check/vitest runs on (fast-check-seed.test.ts
// holds them one): importing @fast-check/vitest here made every test file of a seeded run pay for
// loading it, about 60% more wall time for a package's suite.
const seed = process.env['DM_FAST_CHECK_SEED'];
if (seed !== undefined && seed !== '') {
  if (!/^-?\d+$/.test(seed)) throw new Error(`DM_FAST_CHECK_SEED "${seed}" is not an integer; unset it or pass e.g. 12345`);
  const fc = await import('fast-check');
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(seed) });
}
