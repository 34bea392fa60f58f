// The runtime's overhead: a bundle of N instant services (a shell script that prints a line
// and sleeps; readiness is that line), started with startBundle in a fresh child process.
// Reports wall time from startBundle to ready, the spread of spawn->ready per service,
// time to stop, and the supervisor's RSS once ready (the watchdog is a separate process).
// The first start in a process is reported apart: it compiles the manifest validator.
//   node --import tsx bench/runtime.ts --services 50      (one measurement, JSON on stdout)
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { DesktopManifest } from '@deployment-manager/bundle';
import { hostPlatformKey, startBundle } from '@deployment-manager/runtime';

/** One measurement. */
export interface RuntimeBenchResult {
  readonly services: number;
  /** First start in the process: includes compiling the manifest validator. */
  readonly coldStartToReadyMs: number;
  readonly startToReadyMs: number;
  readonly readyMsMedian: number;
  readonly readyMsMax: number;
  readonly stopMs: number;
  readonly rssMiB: number;
  readonly rssBeforeMiB: number;
  /** RSS of the standalone runtime.mjs process once ready, when built. */
  readonly standaloneRssMiB?: number;
}

function bundleOf(n: number, dir: string): void {
  mkdirSync(join(dir, 'bin'), { recursive: true });
  writeFileSync(join(dir, 'bin', 'instant'), '#!/bin/sh\necho up\nexec sleep 3600\n');
  chmodSync(join(dir, 'bin', 'instant'), 0o755);
  const manifest: DesktopManifest = {
    schema_version: 'v0.1',
    target: 'desktop',
    app: { name: 'bench', version: '1.0.0' },
    ipc: { mode: 'loopback-http', host: '127.0.0.1', port: 1, auth_token_path: 'runtime/auth-token' },
    telemetry: { file: 'telemetry/events.jsonl' },
    services: Array.from({ length: n }, (_, i) => ({
      id: `s${i}`,
      type: 'worker' as const,
      binaries: { [hostPlatformKey()]: { path: 'bin/instant' } },
      health: { type: 'log_match' as const },
      readiness: { type: 'log_match' as const, pattern: '^up$', timeout_ms: 30_000 },
    })),
  };
  writeFileSync(join(dir, 'bundle.json'), JSON.stringify(manifest));
}

async function measure(n: number): Promise<RuntimeBenchResult> {
  const root = mkdtempSync(join(tmpdir(), 'dm-bench-runtime-'));
  try {
    bundleOf(n, join(root, 'bundle'));
    const options = { controlPort: 0, gpu: { available: false, reason: 'bench' } } as const;
    const rssBefore = process.memoryUsage().rss;
    const c0 = performance.now();
    await (await startBundle(join(root, 'bundle'), { ...options, appData: join(root, 'cold') })).stop();
    const coldStartToReadyMs = performance.now() - c0;
    const t0 = performance.now();
    const bundle = await startBundle(join(root, 'bundle'), { ...options, appData: join(root, 'app-data') });
    const startToReadyMs = performance.now() - t0;
    const rss = process.memoryUsage().rss;
    const ready = bundle
      .status()
      .services.map((s) => s.readyMs ?? Number.NaN)
      .sort((a, b) => a - b);
    const t1 = performance.now();
    await bundle.stop();
    const stopMs = performance.now() - t1;
    const standalone = await standaloneRssMiB(n);
    return {
      services: n,
      coldStartToReadyMs,
      startToReadyMs,
      readyMsMedian: ready[Math.floor(ready.length / 2)] ?? Number.NaN,
      readyMsMax: ready.at(-1) ?? Number.NaN,
      stopMs,
      rssMiB: rss / 2 ** 20,
      rssBeforeMiB: rssBefore / 2 ** 20,
      ...(standalone === undefined ? {} : { standaloneRssMiB: standalone }),
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * RSS of the shipped program (`dist/runtime.mjs`, every dependency inlined) supervising
 * `n` services once ready, read from /proc: what a desktop app really pays. Undefined
 * when the package is not built or there is no /proc.
 */
async function standaloneRssMiB(n: number): Promise<number | undefined> {
  const entry = fileURLToPath(new URL('../packages/runtime/dist/runtime.mjs', import.meta.url));
  if (!existsSync(entry) || !existsSync('/proc/self/status')) return undefined;
  const root = mkdtempSync(join(tmpdir(), 'dm-bench-runtime-'));
  try {
    bundleOf(n, join(root, 'bundle'));
    const child = spawn(process.execPath, [entry, '--manifest', join(root, 'bundle'), '--app-data', join(root, 'app-data'), '--control-port', '0'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const deadline = Date.now() + 60_000;
    while (!out.includes('"bundle_ready"') && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    return kb / 1024;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Measures each count in its own child process and prints a table. */
export function runtimeBench(counts: readonly number[]): RuntimeBenchResult[] {
  if (process.platform === 'win32') {
    console.log('\nruntime: skipped (process groups need Linux or macOS)');
    return [];
  }
  const self = fileURLToPath(import.meta.url);
  const root = fileURLToPath(new URL('..', import.meta.url));
  const results = counts.map((n) => {
    process.stderr.write(`bench: runtime with ${n} instant services...\n`);
    return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', self, '--services', String(n)], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })) as RuntimeBenchResult;
  });
  const f = (x: number): string => x.toFixed(0).padStart(10);
  console.log(`\n${'runtime (instant services)'.padEnd(28)}${results.map((r) => String(r.services).padStart(10)).join('')}`);
  console.log(`${'start -> ready ms, cold'.padEnd(28)}${results.map((r) => f(r.coldStartToReadyMs)).join('')}`);
  console.log(`${'start -> ready ms, warm'.padEnd(28)}${results.map((r) => f(r.startToReadyMs)).join('')}`);
  console.log(`${'spawn -> ready ms, median'.padEnd(28)}${results.map((r) => f(r.readyMsMedian)).join('')}`);
  console.log(`${'spawn -> ready ms, max'.padEnd(28)}${results.map((r) => f(r.readyMsMax)).join('')}`);
  console.log(`${'stop ms'.padEnd(28)}${results.map((r) => f(r.stopMs)).join('')}`);
  console.log(`${'RSS MiB here (tsx), ready'.padEnd(28)}${results.map((r) => `${r.rssMiB.toFixed(0)} (+${(r.rssMiB - r.rssBeforeMiB).toFixed(0)})`.padStart(10)).join('')}`);
  console.log(`${'runtime.mjs RSS MiB, ready'.padEnd(28)}${results.map((r) => (r.standaloneRssMiB === undefined ? 'build first' : r.standaloneRssMiB.toFixed(0)).padStart(10)).join('')}`);
  console.log('start -> ready: validation, asset checks, ports, secrets, the control api, the watchdog, every spawn and readiness;');
  console.log('cold is the first start in a process (it compiles the manifest validator); RSS (+ over the process before the first start)');
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { services: { type: 'string', default: '1' } } });
  process.stdout.write(JSON.stringify(await measure(Number(values.services))));
}
