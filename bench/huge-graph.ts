// pnpm bench includes this: one CLI --json run on a scenario of many dependencies in one
// service.json (300k in the full run): the exit code (never 70), the bytes printed (streamed
// in chunks), wall time and peak RSS. Each in its own process; output is counted, not kept.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../packages/cli/src/cli.ts';

/** One --json run on a huge scenario. */
export interface HugeGraphResult {
  readonly command: string;
  readonly dependencies: number;
  readonly exit: number;
  readonly bytes: number;
  readonly chunks: number;
  readonly ms: number;
  readonly peakRssMiB: number;
  /** The error code when the run failed. */
  readonly error: string | null;
}

/** Runs `deployment-manager <command> big --json` on a generated scenario of `dependencies` resources. */
export async function measureHugeGraph(command: string, dependencies: number): Promise<HugeGraphResult> {
  const root = mkdtempSync(join(tmpdir(), 'dm-bench-huge-'));
  try {
    const resources: Record<string, object> = {};
    for (let i = 0; i < dependencies; i++) resources[`r${i}`] = {};
    mkdirSync(join(root, 'scenarios', 'big', '.vrooli'), { recursive: true });
    writeFileSync(join(root, 'scenarios', 'big', '.vrooli', 'service.json'), JSON.stringify({ service: { name: 'big', version: '1.0.0' }, dependencies: { resources } }));
    let bytes = 0;
    let chunks = 0;
    let first = '';
    const t0 = performance.now();
    const exit = await runCli([...command.split(' '), 'big', '--root', root, '--json'], {
      stdout: (s) => {
        if (chunks === 0) first = s.slice(0, 4096);
        bytes += Buffer.byteLength(s);
        chunks++;
      },
      stderr: () => undefined,
      isTTY: false,
    });
    const ms = performance.now() - t0;
    const error = exit === 0 || exit === 1 ? null : (/"code": "([A-Z_]+)"/.exec(first)?.[1] ?? 'unknown');
    return { command, dependencies, exit, bytes, chunks, ms, peakRssMiB: process.resourceUsage().maxRSS / 1024, error };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
