// `pnpm mutate [area...] [file...] [--since <git ref>] [--concurrency <n>] [--static]`: mutation-tests the rule-bearing
// code (scripts/mutation-areas.mjs) with StrykerJS, one area after the other, each against its own
// package's tests only. Prints one line per area - its mutation score, survivors and the survivors
// judged equivalent (scripts/mutation-equivalents.mjs) - and exits 1 when an area scores below 85%.
// Naming files (repository paths) mutates only those of the chosen areas, for a quick look while iterating.
// `--since <ref>` mutates only the lines of area files changed since that ref (nothing to do: exit 0).
// Static mutants (in module-level code, such as the tier tables) are left out unless `--static`:
// each one reloads the whole package suite, which made them three quarters of the run time; the
// tables they would change are pinned by hand-computed cases instead (score-dependency.test.ts).
//
// Stryker writes mutants into the files it tests (inPlace: the workspace packages resolve through
// vitest aliases and pnpm's per-package node_modules, which its copied sandbox would not have), so
// it never runs in the caller's tree: it runs in a throwaway clone under the OS temp directory that
// holds the caller's working tree (uncommitted and untracked files included) with the caller's
// node_modules linked in, and the clone is removed afterwards, also on Ctrl-C. Only the reports
// come back, under reports/mutation/.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MUTATION_AREAS } from './mutation-areas.mjs';
import { MUTATION_EQUIVALENTS } from './mutation-equivalents.mjs';

const THRESHOLD = 85;
const REPORTS = 'reports/mutation';

function parseArgs(argv) {
  const out = { areas: [], files: [], since: undefined, concurrency: 1, includeStatic: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--since') out.since = argv[++i];
    else if (a === '--concurrency') out.concurrency = Number(argv[++i]);
    else if (a === '--static') out.includeStatic = true;
    else if (a.startsWith('--')) fail(`unknown option ${a}`, 'use --since <ref>, --concurrency <n> or --static');
    else if (a.includes('/')) out.files.push(a);
    else out.areas.push(a);
  }
  if (!Number.isInteger(out.concurrency) || out.concurrency < 1) fail(`--concurrency ${out.concurrency} is not a positive integer`, 'pass e.g. --concurrency 1');
  const known = new Set(MUTATION_AREAS.map((a) => a.name));
  for (const a of out.areas) if (!known.has(a)) fail(`unknown area "${a}"`, `areas: ${[...known].join(', ')}`);
  const mutable = new Set(MUTATION_AREAS.flatMap((a) => a.mutate));
  for (const f of out.files) if (!mutable.has(f)) fail(`${f} is in no mutation area`, `files: ${[...mutable].join(', ')}`);
  return out;
}

function fail(message, hint) {
  console.error(`mutate: ${message}\n  hint: ${hint}`);
  process.exit(2);
}

const git = (cwd, ...args) => execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

/**
 * The lines changed between `ref` and the working tree (committed or not), per file, as Stryker's
 * `file:start-end` ranges: CI mutates only what a change touched, which keeps it to minutes.
 */
function changedRangesSince(ref) {
  const base = git('.', 'merge-base', ref, 'HEAD').trim();
  const ranges = new Map();
  let file;
  for (const line of git('.', 'diff', '--unified=0', '--no-color', base).split('\n')) {
    if (line.startsWith('+++ ')) file = line.startsWith('+++ b/') ? line.slice(6) : undefined;
    const hunk = /^@@ -\S+ \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk === null || file === undefined) continue;
    const start = Number(hunk[1]);
    const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
    if (count > 0) ranges.set(file, [...(ranges.get(file) ?? []), `${file}:${start}-${start + count - 1}`]);
  }
  return ranges;
}

/**
 * A throwaway copy of the caller's tree under the OS temp directory: a shared clone checked out at
 * HEAD, the uncommitted changes and untracked files laid over it, every node_modules folder linked.
 */
function createScratchTree(root) {
  const dir = mkdtempSync(join(tmpdir(), 'dm-mutate-'));
  git(root, 'clone', '--quiet', '--shared', '--no-checkout', root, dir);
  git(dir, 'checkout', '--quiet', '--detach', git(root, 'rev-parse', 'HEAD').trim());
  const diff = execFileSync('git', ['diff', 'HEAD', '--binary'], { cwd: root, maxBuffer: 256 * 1024 * 1024 });
  if (diff.length > 0) execFileSync('git', ['apply', '--binary', '--whitespace=nowarn', '-'], { cwd: dir, input: diff });
  for (const f of git(root, 'ls-files', '--others', '--exclude-standard', '-z').split('\0').filter(Boolean)) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    cpSync(join(root, f), join(dir, f));
  }
  const modules = ['node_modules', ...['packages', 'examples'].flatMap((top) => (existsSync(join(root, top)) ? readdirSync(join(root, top)).map((p) => join(top, p, 'node_modules')) : []))];
  for (const m of modules) if (existsSync(join(root, m)) && !existsSync(join(dir, m))) symlinkSync(join(root, m), join(dir, m), 'dir');
  return dir;
}

/** The 1-based source line of a mutant, for matching it against the equivalents table. */
function lineOf(dir, file, line) {
  return (readFileSync(join(dir, file), 'utf8').split('\n')[line - 1] ?? '').trim();
}

/** The entry of the equivalents table a surviving mutant matches, if any. */
function equivalentOf(dir, file, mutant) {
  const line = lineOf(dir, file, mutant.location.start.line);
  return MUTATION_EQUIVALENTS.find(
    (e) => e.file === file && [e.mutator].flat().includes(mutant.mutatorName) && (e.replacement === undefined || e.replacement === mutant.replacement) && line.includes(e.line),
  );
}

// Stryker runs a mutant's tests by the names the first (coverage) run gave them; a property of
// @fast-check/vitest is named `... (with seed=N)`, with a fresh N per run unless a seed is set, so
// without a fixed seed no property would run against any mutant (they all "survived" the properties).
// The one seed also makes a rerun kill the same mutants. DM_FAST_CHECK_SEED overrides it.
const SEED = process.env.DM_FAST_CHECK_SEED || '19';

async function runArea(dir, area, files, { concurrency, includeStatic }) {
  process.env.DM_FAST_CHECK_SEED = SEED;
  process.env.MUTATION_PACKAGE = area.package;
  process.env.MUTATION_TESTS = area.tests.join(',');
  const { Stryker } = await import('@stryker-mutator/core');
  const t0 = Date.now();
  const stryker = new Stryker({
    testRunner: 'vitest',
    plugins: ['@stryker-mutator/vitest-runner', join(dir, 'scripts', 'mutation-survivor-reporter.mjs')],
    vitest: { configFile: join(dir, 'vitest.mutation.config.ts'), related: false },
    mutate: files,
    coverageAnalysis: 'perTest',
    concurrency,
    ignoreStatic: !includeStatic,
    inPlace: true,
    tempDirName: join(dir, '.stryker-tmp'),
    cleanTempDir: 'always',
    timeoutMS: 20_000,
    // The first run (every test of the package, with coverage) takes minutes on a busy machine.
    dryRunTimeoutMinutes: 30,
    reporters: ['json', 'progress-append-only', 'survivors'],
    jsonReporter: { fileName: join(dir, REPORTS, `${area.name}.json`) },
    // Reruns test only the mutants whose code or covering tests changed since the last run here
    // (the file comes back with the reports; delete reports/mutation/ for a full run).
    incremental: true,
    incrementalFile: join(dir, REPORTS, `${area.name}.incremental.json`),
    disableTypeChecks: true,
    logLevel: 'warn',
    fileLogLevel: 'off',
    allowConsoleColors: false,
  });
  const cwd = process.cwd();
  process.chdir(dir);
  let results;
  try {
    results = await stryker.runMutationTest();
  } finally {
    process.chdir(cwd);
  }
  const count = (s) => results.filter((r) => r.status === s).length;
  const equivalent = [];
  const open = [];
  for (const m of results.filter((r) => r.status === 'Survived' || r.status === 'NoCoverage')) {
    const file = m.fileName.replace(`${dir}/`, '');
    const e = equivalentOf(dir, file, m);
    (e === undefined ? open : equivalent).push({ m, file, e });
  }
  const detected = count('Killed') + count('Timeout');
  const valid = detected + open.length;
  return {
    area,
    score: valid === 0 ? 100 : (100 * detected) / valid,
    open,
    equivalent,
    counts: { killed: count('Killed'), timeout: count('Timeout'), ignored: count('Ignored'), errors: count('RuntimeError') + count('CompileError') },
    seconds: Math.round((Date.now() - t0) / 1000),
  };
}

const where = ({ m, file }) => `${file}:${m.location.start.line} ${m.mutatorName}${m.replacement === undefined ? '' : ` -> ${JSON.stringify(m.replacement).slice(0, 70)}`}`;

const args = parseArgs(process.argv.slice(2));
const root = git('.', 'rev-parse', '--show-toplevel').trim();
process.chdir(root);
const changed = args.since === undefined ? undefined : changedRangesSince(args.since);
const work = MUTATION_AREAS.filter((a) => args.areas.length === 0 || args.areas.includes(a.name))
  .map((area) => ({ area, files: area.mutate.filter((f) => args.files.length === 0 || args.files.includes(f)) }))
  .map(({ area, files }) => ({ area, files: changed === undefined ? files : files.flatMap((f) => changed.get(f) ?? []) }));
for (const { area, files } of work) if (files.length === 0 && args.since !== undefined) console.log(`mutation ${area.name}: no rule-bearing file changed since ${args.since}; nothing to mutate`);
const todo = work.filter((w) => w.files.length > 0);
if (todo.length === 0) process.exit(0);

const scratch = createScratchTree(root);
const cleanUp = () => rmSync(scratch, { recursive: true, force: true });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, () => { cleanUp(); process.exit(130); });
const summary = [];
try {
  for (const { area, files } of todo) {
    console.log(`mutation ${area.name}: ${files.join(', ')}; tests: ${area.tests.map((t) => t.replace(`packages/${area.package}/`, '')).join(', ')} (of packages/${area.package}), concurrency ${args.concurrency}, fast-check seed ${SEED}`);
    const incremental = join(REPORTS, `${area.name}.incremental.json`);
    if (existsSync(incremental)) {
      mkdirSync(join(scratch, REPORTS), { recursive: true });
      cpSync(incremental, join(scratch, incremental));
    }
    let r;
    try {
      r = await runArea(scratch, area, files, args);
    } catch (error) {
      // Stryker's own words for a dry run in which no test could even load.
      if (!String(error?.message).includes('No tests were executed')) throw error;
      console.error(
        `mutate: no test of ${area.name} ran against the unmutated code, so no mutant can be judged\n` +
          `  hint: run them as they are (pnpm exec vitest run ${area.tests.join(' ')}); after a checkout the usual cause is a dependency not installed yet: pnpm install`,
      );
      process.exitCode = 2;
      break;
    }
    for (const s of r.open) console.log(`  survived: ${where(s)}`);
    for (const s of r.equivalent) console.log(`  equivalent: ${where(s)} (${s.e.reason})`);
    mkdirSync(REPORTS, { recursive: true });
    cpSync(join(scratch, REPORTS, `${area.name}.json`), join(REPORTS, `${area.name}.json`));
    if (existsSync(join(scratch, incremental))) cpSync(join(scratch, incremental), incremental);
    summary.push(r);
  }
} finally {
  cleanUp();
}
if (process.exitCode === 2) process.exit(2);
const lines = summary.map(
  (r) =>
    `${r.score >= THRESHOLD ? 'ok  ' : 'LOW '} ${r.area.name}: ${r.score.toFixed(2)}% (killed ${r.counts.killed}, timeout ${r.counts.timeout}, survived ${r.open.length}` +
    `, equivalent ${r.equivalent.length}, errors ${r.counts.errors}, static left out ${r.counts.ignored}) in ${r.seconds} s`,
);
writeFileSync(join(REPORTS, 'summary.txt'), `${lines.join('\n')}\n`);
console.log(`\nmutation scores (threshold ${THRESHOLD}%, killed by each package's own tests):`);
for (const l of lines) console.log(l);
if (summary.some((r) => r.score < THRESHOLD)) process.exitCode = 1;
