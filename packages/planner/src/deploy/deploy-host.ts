/*
 * A deploy host: where release.sh runs. `local` is this machine (bash runs
 * it); `ssh` is a server reached with the system ssh client (OpenSSH), which
 * runs it with the server's bash. Both are described by the commands they
 * run, so `deploy --dry-run` prints exactly what a deploy would run.
 */
import { spawn } from 'node:child_process';
import { commandLine, type PlanCommand } from '../command-line.ts';
import type { HostSupervisor } from './host-supervisor.ts';
import { releaseLayout, type ReleaseCommand, type ReleaseLayout } from './release-script.ts';

const releaseArgs = (argument: string | undefined, supervisor: HostSupervisor | undefined): string[] => [...(argument === undefined ? [] : [argument]), ...(supervisor === undefined ? [] : [supervisor])];

/** How to reach a server over ssh. */
export interface SshTarget {
  /** `user@host` (or a Host alias of the ssh config). */
  readonly destination: string;
  /** Port (default: the ssh config's, usually 22). */
  readonly port?: number;
  /** Private key file (`ssh -i`). */
  readonly identity?: string;
  /** Extra `-o` options (`StrictHostKeyChecking=yes`, `UserKnownHostsFile=...`). */
  readonly options?: readonly string[];
  /**
   * A directory for ssh's connection sharing: the commands of one deploy
   * then share one connection (`ControlMaster=auto`, closed 15 s after its
   * last use, or by {@link sshMasterExit}) instead of a handshake each.
   */
  readonly controlDir?: string;
}

/** Where releases are deployed and how to run commands there. */
export interface DeployHost {
  /** `local`, or `user@host:port`. */
  readonly label: string;
  /** The deploy root and its layout on the host. */
  readonly layout: ReleaseLayout;
  /** The ssh target, for remote hosts. */
  readonly ssh?: SshTarget;
  /** The command that runs `release.sh <command> [argument] [supervisor]` there (`supervisor` only for `start`). */
  release(command: ReleaseCommand, argument?: string, supervisor?: HostSupervisor): PlanCommand;
  /** The command that writes its stdin to `path` there (mode 0755: the release script). */
  install(path: string): PlanCommand;
}

/**
 * ssh's own options for a target: batch mode (never a password prompt),
 * port, key, `-o` options, and connection sharing when the target has a
 * control directory and `shared` is not false.
 */
export function sshArgs(target: SshTarget, shared = true): string[] {
  const mux = target.controlDir === undefined ? [] : shared ? ['ControlMaster=auto', `ControlPath=${target.controlDir}/%C`, 'ControlPersist=15'] : ['ControlMaster=no', 'ControlPath=none'];
  return [
    '-o',
    'BatchMode=yes',
    ...(target.port === undefined ? [] : ['-p', String(target.port)]),
    ...(target.identity === undefined ? [] : ['-i', target.identity]),
    ...[...(target.options ?? []), ...mux].flatMap((o) => ['-o', o]),
  ];
}

/** The command that closes a target's shared connection (`ssh -O exit`); none without a control directory. */
export function sshMasterExit(target: SshTarget): PlanCommand | undefined {
  return target.controlDir === undefined ? undefined : { argv: ['ssh', ...sshArgs(target), '-O', 'exit', target.destination] };
}

/** This machine: release.sh runs under bash in `root`. */
export function createLocalHost(root: string): DeployHost {
  const layout = releaseLayout(root);
  return {
    label: 'local',
    layout,
    release: (command, argument, supervisor) => ({ argv: ['bash', layout.script, layout.root, command, ...releaseArgs(argument, supervisor)] }),
    install: (path) => ({ argv: ['sh', '-c', 'mkdir -p "$(dirname "$1")" && cat > "$1" && chmod 755 "$1"', 'install', path] }),
  };
}

/** A server over ssh: ssh joins its arguments into one line for the remote shell, so every word is quoted here. */
export function createSshHost(target: SshTarget, root: string): DeployHost {
  const layout = releaseLayout(root);
  const remote = (argv: readonly string[]): PlanCommand => ({ argv: ['ssh', ...sshArgs(target), target.destination, '--', commandLine({ argv })] });
  return {
    label: `${target.destination}${target.port === undefined ? '' : `:${target.port}`}`,
    layout,
    ssh: target,
    release: (command, argument, supervisor) => remote(['bash', layout.script, layout.root, command, ...releaseArgs(argument, supervisor)]),
    install: (path) => remote(['sh', '-c', 'mkdir -p "$(dirname "$1")" && cat > "$1" && chmod 755 "$1"', 'install', path]),
  };
}

/** What a command printed and how it ended. */
export interface CommandResult {
  /** Exit code (null when killed by a signal). */
  readonly code: number | null;
  /** Standard output. */
  readonly stdout: string;
  /** Standard error. */
  readonly stderr: string;
  /** True when it was killed for printing more than `maxOutputBytes` (`stdout` holds the first bytes). */
  readonly truncated?: boolean;
}

/** Options of {@link runCommand}. */
export interface RunOptions {
  /** Bytes written to its stdin (then closed); default none. */
  readonly input?: string | Buffer;
  /** A process whose stdout is piped into this one's stdin (`tar -cf - | ssh ...`). */
  readonly from?: PlanCommand;
  /** Kills it after this long (default 10 minutes). */
  readonly timeoutMs?: number;
  /** Extra environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** Working directory. */
  readonly cwd?: string;
  /** Receives each line of its output as it comes. */
  readonly onLine?: (line: string) => void;
  /**
   * Kills it once its standard output passes this many bytes (a host file read back - telemetry, a
   * manifest, the control file - is input like any other); unbounded by default.
   */
  readonly maxOutputBytes?: number;
}

/**
 * Runs a command (no shell) and collects its output. Never throws for a
 * failing command: the caller reads `code`. A program that does not exist
 * ends with code 127 and says so in `stderr`.
 */
export function runCommand(command: PlanCommand, options: RunOptions = {}): Promise<CommandResult> {
  return new Promise((resolve) => {
    const [program, ...args] = command.argv as [string, ...string[]];
    const env = { ...process.env, ...command.env, ...options.env };
    const child = spawn(program, args, { env, stdio: ['pipe', 'pipe', 'pipe'], ...(options.cwd === undefined ? {} : { cwd: options.cwd }) });
    let stdout = '';
    let stderr = '';
    let pending = '';
    let outBytes = 0;
    let truncated = false;
    const line = (text: string): void => {
      if (options.onLine === undefined) return;
      pending += text;
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      for (const p of parts) options.onLine(p);
    };
    child.stdout.on('data', (d: Buffer) => {
      if (truncated) return;
      outBytes += d.length;
      if (options.maxOutputBytes !== undefined && outBytes > options.maxOutputBytes) {
        truncated = true;
        child.kill('SIGKILL');
        return;
      }
      stdout += d.toString('utf8');
      line(d.toString('utf8'));
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
      line(d.toString('utf8'));
    });
    let feeder: ReturnType<typeof spawn> | undefined;
    let feederDone: Promise<number | null> = Promise.resolve(0);
    if (options.from !== undefined) {
      const [p, ...a] = options.from.argv as [string, ...string[]];
      const f = spawn(p, a, { env, stdio: ['ignore', 'pipe', 'pipe'], ...(options.cwd === undefined ? {} : { cwd: options.cwd }) });
      feeder = f;
      f.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
      feederDone = new Promise((r) => {
        f.on('error', (e) => {
          stderr += `${(e as NodeJS.ErrnoException).code === 'ENOENT' ? `${p}: command not found` : e.message}\n`;
          r(127);
        });
        f.on('close', (code) => r(code));
      });
      child.stdin.on('error', () => undefined);
      f.stdout?.pipe(child.stdin);
    } else {
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input ?? '');
    }
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      feeder?.kill('SIGKILL');
    }, options.timeoutMs ?? 600_000);
    let done = false;
    const finish = (code: number | null): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (pending !== '') options.onLine?.(pending);
      // A failing producer fails the pipeline even when the consumer read its truncated output happily.
      void feederDone.then((f) => resolve({ code: truncated ? null : code === 0 && f !== 0 ? f : code, stdout, stderr, ...(truncated ? { truncated } : {}) }));
    };
    child.on('error', (e) => {
      stderr += `${(e as NodeJS.ErrnoException).code === 'ENOENT' ? `${program}: command not found` : e.message}\n`;
      finish(127);
    });
    child.on('close', (code) => finish(code));
  });
}
