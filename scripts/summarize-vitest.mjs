// Sums vitest JSON reporter files into the one plain line CI reads: "N passed, N failed".
// A missing results file counts as one failure, so a run that tested nothing is visible.
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
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) + (r.numFailedTestSuites ?? 0);
}
if (passed === 0) failed += 1;
console.log(`${passed} passed, ${failed} failed`);
