/*
 * One-shot commands (migrations, command checks): spawned in their own group,
 * output handed over line by line, the whole group killed on timeout.
 */
import { onLines, signalGroup, spawnGroup } from './process-group.ts';
import type { CommandLine } from './service-command.ts';

/** How a one-shot command ended. */
export interface CommandResult {
  /** Exit code, or null when killed or not started. */
  readonly code: number | null;
  /** True when it ran past its timeout and was killed. */
  readonly timedOut: boolean;
  /** Spawn error message, when it could not start. */
  readonly error?: string;
}

/** Options of {@link runCommand}. */
export interface RunCommandOptions {
  /** Environment. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Kill after this long. */
  readonly timeoutMs: number;
  /** Each output line. */
  readonly onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** Told the process group id once spawned, and again (with `false`) when it has ended. */
  readonly track?: (pgid: number, alive: boolean) => void;
}

/** Runs a command to completion (or timeout). Never throws. */
export function runCommand(command: CommandLine, options: RunCommandOptions): Promise<CommandResult> {
  return new Promise((resolve) => {
    let child: ReturnType<typeof spawnGroup>;
    try {
      child = spawnGroup(command, options.env);
    } catch (e) {
      resolve({ code: null, timedOut: false, error: e instanceof Error ? e.message : String(e) });
      return;
    }
    const pid = child.pid;
    if (pid !== undefined) options.track?.(pid, true);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (pid !== undefined) signalGroup(pid, 'SIGKILL');
    }, options.timeoutMs);
    onLines(child.stdout, (l) => options.onLine?.(l, 'stdout'));
    onLines(child.stderr, (l) => options.onLine?.(l, 'stderr'));
    child.once('error', (e) => {
      clearTimeout(timer);
      resolve({ code: null, timedOut: false, error: e.message });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (pid !== undefined) {
        signalGroup(pid, 'SIGKILL'); // whatever it left behind in its group
        options.track?.(pid, false);
      }
      resolve({ code, timedOut });
    });
  });
}
