// `pnpm test:shuffle [runs] [vitest args...]`: runs the suite `runs` times in a row (default 5), each
// time in a random order (vitest --sequence.shuffle with a fresh --sequence.seed) and with a fresh
// random fast-check seed (DM_FAST_CHECK_SEED, read by scripts/fast-check-seed.setup.ts). Stops at the
// first failed run and prints the command that replays it: same order, same generated cases.
// Extra arguments go to vitest, e.g. `pnpm test:shuffle 3 packages/core packages/fitness`.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';

const [first, ...rest] = process.argv.slice(2);
const countGiven = first !== undefined && /^\d+$/.test(first);
const runs = countGiven ? Number(first) : 5;
const vitestArgs = countGiven ? rest : process.argv.slice(2);
if (runs < 1) {
  console.error(`test:shuffle: ${runs} runs is not a positive count\n  hint: pass e.g. pnpm test:shuffle 20`);
  process.exit(2);
}

const quote = (a) => (/^[\w./:=@,+-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`);
for (let run = 1; run <= runs; run++) {
  const orderSeed = randomInt(1, 2 ** 31 - 1);
  const fastCheckSeed = randomInt(-(2 ** 31), 2 ** 31 - 1);
  const args = ['vitest', 'run', '--sequence.shuffle', `--sequence.seed=${orderSeed}`, ...vitestArgs];
  const replay = `DM_FAST_CHECK_SEED=${fastCheckSeed} pnpm exec ${args.map(quote).join(' ')}`;
  console.log(`\ntest:shuffle run ${run}/${runs}: order seed ${orderSeed}, fast-check seed ${fastCheckSeed}`);
  const result = spawnSync('pnpm', ['exec', ...args], { stdio: 'inherit', env: { ...process.env, DM_FAST_CHECK_SEED: String(fastCheckSeed) } });
  if (result.status !== 0) {
    console.error(`\ntest:shuffle: run ${run}/${runs} failed (exit ${result.status ?? result.signal}); replay it with\n  ${replay}`);
    process.exit(result.status ?? 1);
  }
}
console.log(`\ntest:shuffle: ${runs} shuffled runs passed`);
