// Sums vitest JSON reporter files into the one plain line CI reads: "N passed, N failed, N skipped".
// A failed test counts once; a test file that failed without any failed test (it did not load, or a
// hook threw) counts as one failure; a missing results file counts as one failure, and so does a run
// that passed nothing - so a run that tested nothing is visible. Every skipped test (skipped, todo)
// is listed with the reason the allow-list gives it (scripts/skip-allow-list.json: `file` relative to
// the repository root, `test` - when given - the start of the test's full name, and `reason`); a skip
// the list does not name also counts as a failure: a check CI never runs must be a decision written down.
// Exits 1 when anything failed.
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

const SKIP_ALLOW_LIST = JSON.parse(readFileSync(new URL('./skip-allow-list.json', import.meta.url), 'utf8'));

/** The allow-list entry that covers a skipped test: its file, and its name when the entry gives one. */
const allowance = (file, name) => SKIP_ALLOW_LIST.find((a) => a.file === file && (a.test === undefined || name.startsWith(a.test)));

let passed = 0;
let failed = 0;
const skipped = [];
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    if (file.includes('shared') && !existsSync('../shared')) continue;
    console.error(`no vitest results in ${file}`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  for (const suite of report.testResults ?? []) {
    const results = suite.assertionResults ?? [];
    passed += results.filter((t) => t.status === 'passed').length;
    const failedHere = results.filter((t) => t.status === 'failed').length;
    failed += failedHere > 0 ? failedHere : suite.status === 'failed' ? 1 : 0;
    const where = relative(process.cwd(), suite.name);
    for (const t of results) if (t.status !== 'passed' && t.status !== 'failed') skipped.push({ file: where, name: t.fullName, failedSuite: suite.status === 'failed' });
  }
}
for (const s of skipped) {
  const a = allowance(s.file, s.name);
  if (a !== undefined) console.log(`skipped: ${s.file} > ${s.name} (allowed: ${a.reason})`);
  else if (s.failedSuite) console.log(`skipped: ${s.file} > ${s.name} (its file failed, counted above)`);
  else {
    console.log(`skipped: ${s.file} > ${s.name} (NOT on scripts/skip-allow-list.json: make it run, or list it with a reason)`);
    failed += 1;
  }
}
if (passed === 0) failed += 1;
console.log(`${passed} passed, ${failed} failed, ${skipped.length} skipped`);
process.exitCode = failed > 0 ? 1 : 0;
