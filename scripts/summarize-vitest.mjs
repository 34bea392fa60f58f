// Sums vitest JSON reporter files into the one plain line CI reads: "N passed, N failed".
// A failed test counts once; a test file that failed without any failed test (it did not
// load, or a hook threw) counts as one failure; a missing results file counts as one
// failure, and so does a run that passed nothing - so a run that tested nothing is visible.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
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
  }
}
if (passed === 0) failed += 1;
console.log(`${passed} passed, ${failed} failed`);
