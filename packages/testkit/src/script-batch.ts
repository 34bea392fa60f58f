/*
 * Generated shell scripts checked in batches, for property tests that
 * render hundreds of them: one `sh -n` loop, one shellcheck process and one
 * driver shell per batch, never one process per script started from Node
 * (on a loaded machine a process per case costs more than the property).
 * The stubbed run executes each script with every outside command it
 * names replaced by a stub on PATH that records its argv, so the test sees
 * which commands ran with which words, and whether an injected command
 * (which finds the real `touch`) left its marker file.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MARKER_FILE } from './hostile.ts';

/** The shell dialect a script is written for. */
export type ScriptShell = 'sh' | 'bash';

function batchDir(prefix: string, scripts: readonly string[]): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const files = scripts.map((text, i) => {
    const file = join(dir, `s${i}.sh`);
    writeFileSync(file, text);
    return file;
  });
  return { dir, files };
}

/**
 * The scripts that `sh -n` (or `bash -n`) refuses, as `index: message`;
 * empty when every one parses. One shell process runs the whole loop.
 *
 * @example
 * ```ts
 * expect(shellSyntaxErrors(scripts)).toEqual([]);
 * ```
 */
export function shellSyntaxErrors(scripts: readonly string[], shell: ScriptShell = 'sh'): string[] {
  const { dir, files } = batchDir('dm-syntax-', scripts);
  try {
    const loop = `i=0; for f do if ! out=$(${shell} -n "$f" 2>&1); then printf '%s: %s\\n' "$i" "$out"; fi; i=$((i + 1)); done`;
    const r = spawnSync('sh', ['-c', loop, 'syntax', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`the syntax loop failed: ${r.stderr}`);
    return r.stdout.split('\n').filter((l) => l !== '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** True when shellcheck is on PATH (callers skip with a printed reason when it is not). */
export const HAS_SHELLCHECK: boolean = spawnSync('shellcheck', ['--version']).status === 0;
if (!HAS_SHELLCHECK) console.warn('[testkit] shellcheck is not on PATH, so the shellcheck checks of generated scripts are skipped (sh -n and the stubbed runs still run)');

/**
 * What shellcheck reports (warnings and errors, gcc format with the file
 * named by its index) for the scripts, in one shellcheck process; empty
 * when they all pass.
 *
 * @example
 * ```ts
 * expect(shellcheckFindings(scripts, 'bash')).toEqual([]);
 * ```
 */
export function shellcheckFindings(scripts: readonly string[], shell: ScriptShell = 'sh'): string[] {
  const { dir, files } = batchDir('dm-shellcheck-', scripts);
  try {
    // SC2088 (a quoted `~` does not expand) is the point of quoting a value that starts with `~`: it stays literal.
    const r = spawnSync('shellcheck', ['-s', shell, '-S', 'warning', '-e', 'SC2088', '-f', 'gcc', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0 && r.stdout === '') throw new Error(`shellcheck failed: ${r.stderr}`);
    // Each finding names its script by index and shows the line it is about.
    return r.stdout
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => {
        const [, index, line] = /^.*\/s(\d+)\.sh:(\d+):/.exec(l) ?? [];
        const text = scripts[Number(index)]?.split('\n')[Number(line) - 1] ?? '';
        return `${l.replace(/^.*\/s(\d+)\.sh/, '$1')} | ${JSON.stringify(text)}`;
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One script run of a batch: the script, its arguments, its extra environment and files beside it. */
export interface ScriptRun {
  /** The script text, written to `script.sh` in a fresh directory that is also its working directory and HOME. */
  readonly script: string;
  /** Arguments after the script name (no NUL: no argument can hold one). */
  readonly args?: readonly string[];
  /** Environment besides PATH, HOME and STUB_LOG (the run starts from an empty environment). */
  readonly env?: Readonly<Record<string, string>>;
  /** Files written beside the script first (relative paths). */
  readonly files?: Readonly<Record<string, string>>;
}

/** What one stubbed run did. */
export interface ScriptRunResult {
  /** Its directory (removed with the batch). */
  readonly dir: string;
  /** Exit status as xargs reports it: 0 when the script exited 0, 123 when it exited 1-125, 137 when the per-run timeout killed it. */
  readonly status: number;
  /** Every stubbed command it ran, in order: the command name, then its arguments. */
  readonly calls: readonly (readonly string[])[];
  /** The paths (relative to its directory) of every file named {@link MARKER_FILE} anywhere under it: an injected command ran. */
  readonly markers: readonly string[];
}

/**
 * The shell command a stub (or a shell function standing in for a builtin)
 * runs first: it appends its argument count, its name and its arguments to
 * `$STUB_LOG`, each ended by a NUL - no argument can hold a NUL, and the
 * count says where each call ends.
 *
 * @example
 * ```ts
 * const cd = `cd() { ${recordCall('cd')}; }`;
 * ```
 */
export function recordCall(name: string): string {
  return `printf '%s\\0' "$#" ${name} "$@" >> "$STUB_LOG"`;
}

function readCalls(log: Buffer): string[][] {
  const words = log.toString('latin1').split('\0').slice(0, -1).map((w) => Buffer.from(w, 'latin1').toString('utf8'));
  const calls: string[][] = [];
  for (let i = 0; i < words.length; ) {
    const count = Number(words[i]);
    calls.push(words.slice(i + 1, i + 2 + count));
    i += 2 + count;
  }
  return calls;
}

function findMarkers(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.name === MARKER_FILE) out.push(path);
    if (entry.isDirectory() && !entry.isSymbolicLink()) out.push(...findMarkers(dir, path));
  }
  return out;
}

/**
 * Runs every script of a batch with its commands stubbed: `stubs` maps each
 * command name to the shell body its stub runs after recording its argv
 * (empty: just exit 0; stdin is read away). One driver shell runs the batch;
 * each run gets `perRunSeconds` before it is killed. Other commands (and
 * `touch`, which an injected payload calls) are the real ones from
 * /usr/bin:/bin. The batch's directories are removed by the returned
 * `cleanup`.
 *
 * @example
 * ```ts
 * const { results, cleanup } = runScriptsStubbed([{ script }], { shell: 'sh', stubs: { ssh: '' } });
 * expect(results[0]?.markers).toEqual([]);
 * cleanup();
 * ```
 */
export function runScriptsStubbed(
  runs: readonly ScriptRun[],
  options: { readonly shell: ScriptShell; readonly stubs: Readonly<Record<string, string>>; readonly perRunSeconds?: number },
): { results: ScriptRunResult[]; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'dm-stubbed-'));
  const stubDir = join(root, 'stubs');
  mkdirSync(stubDir);
  for (const [name, body] of Object.entries(options.stubs)) {
    writeFileSync(join(stubDir, name), `#!/bin/sh\n${recordCall(name)}\n${body === '' ? 'cat >/dev/null 2>&1 || true' : body}\n`);
    chmodSync(join(stubDir, name), 0o755);
  }
  const dirs = runs.map((run, i) => {
    const dir = join(root, `run-${i}`);
    mkdirSync(dir);
    for (const [name, text] of Object.entries(run.files ?? {})) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    writeFileSync(join(dir, 'script.sh'), run.script);
    writeFileSync(join(dir, 'calls.log'), '');
    const env = { ...run.env, PATH: `${stubDir}:/usr/bin:/bin`, HOME: dir, STUB_LOG: join(dir, 'calls.log') };
    const argv = [...Object.entries(env).map(([k, v]) => `${k}=${v}`), options.shell, 'script.sh', ...(run.args ?? [])];
    if (argv.some((a) => a.includes('\0'))) throw new Error(`run ${i}: an argument or environment value holds a NUL, which no process can be given`);
    // argv is read back by xargs -0: any byte but NUL passes unchanged.
    writeFileSync(join(root, `argv-${i}`), `${argv.join('\0')}\0`);
    return dir;
  });
  const seconds = options.perRunSeconds ?? 20;
  const driver = `i=0; for d do (cd "$d" && timeout -s KILL ${seconds} xargs -0 -x -a "../argv-$i" env -i </dev/null >/dev/null 2>&1; echo "$?" > "../status-$i"); i=$((i + 1)); done`;
  const r = spawnSync('sh', ['-c', driver, 'driver', ...dirs], { encoding: 'utf8', timeout: (seconds + 5) * runs.length * 1000 });
  if (r.error !== undefined) throw r.error;
  const results = dirs.map((dir, i) => {
    const statusFile = join(root, `status-${i}`);
    const calls = readCalls(readFileSync(join(dir, 'calls.log')));
    return { dir, status: existsSync(statusFile) ? Number(readFileSync(statusFile, 'utf8').trim()) : -1, calls, markers: findMarkers(dir) };
  });
  return { results, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * A string as a script or a process sees it once written as UTF-8: a lone
 * surrogate becomes U+FFFD. Compare recorded arguments with this.
 *
 * @example
 * ```ts
 * asWritten('a\ud800') // 'a\ufffd'
 * ```
 */
export function asWritten(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
