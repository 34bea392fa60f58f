// Runs many CLI invocations in one process (one start-up instead of hundreds):
// reads a JSON array of argument lists from argv[2] (a file), and for each one
// prints a `start` line, runs runCli, then prints the exit code and what was
// written. The parent watches the lines: a case that never finishes (a read
// blocked on a FIFO) is named by the last `start` line.
import { readFileSync } from 'node:fs';
import { cli } from './run-cli.ts';

const cases = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as string[][];
for (const [index, argv] of cases.entries()) {
  process.stdout.write(`${JSON.stringify({ start: index })}\n`);
  const { code, out, err } = await cli(argv);
  process.stdout.write(`${JSON.stringify({ index, code, out: out.slice(0, 2000), err: err.slice(0, 2000) })}\n`);
}
process.stdout.write(`${JSON.stringify({ done: true })}\n`);
