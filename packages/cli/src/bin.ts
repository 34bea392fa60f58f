import { isatty } from 'node:tty';
import { runCli } from './cli.ts';
import { writeAllSync } from './write-fd.ts';

// stdout is written synchronously (see write-fd.ts); `isatty` rather than
// process.stdout.isTTY, which would open the stream and make a pipe non-blocking.
// A closed pipe (`deployment-manager ... | head`) ends the output, not with a stack trace.
const stdout = (text: string): void => {
  try {
    writeAllSync(1, text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  }
};

const code = await runCli(process.argv.slice(2), {
  stdout,
  stderr: (s) => process.stderr.write(s),
  isTTY: isatty(1),
});
process.exitCode = code;
