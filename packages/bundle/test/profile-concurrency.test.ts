import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createFileProfileStore } from '../src/file-profile-store.ts';
import type { ProfileContent } from '../src/profile.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const writer = fileURLToPath(new URL('./fixtures/profile-writer.ts', import.meta.url));
const content: ProfileContent = { name: 'start', scenario: 'notes', tiers: ['desktop'], swaps: [], secrets: {}, settings: {} };

interface Child {
  readonly ready: Promise<void>;
  readonly done: Promise<{ readonly lines: string[]; readonly code: number | null; readonly signal: NodeJS.Signals | null }>;
}

function startWriter(dir: string, id: string, name: string, mode: 'update' | 'crash', barrier: string): Child {
  // Run through tsx from the repo root so the workspace's TypeScript sources and path aliases resolve.
  const child = spawn(process.execPath, ['--import', 'tsx', writer, dir, id, name, mode, barrier], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let signalReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (signalReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes('ready\n')) signalReady();
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const done = new Promise<{ lines: string[]; code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      signalReady();
      if (code !== 0 && signal === null) process.stderr.write(err);
      resolve({ lines: out.split('\n').filter((l) => l !== ''), code, signal });
    }),
  );
  return { ready, done };
}

describe('file profile store across processes', () => {
  it('two processes updating one profile from the same version: exactly one wins, the other gets PROFILE_CONFLICT, nothing is lost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'profiles-race-'));
    const v1 = await createFileProfileStore(dir).create(content);
    const barrier = join(dir, 'go');
    const a = startWriter(dir, v1.id, 'from-a', 'update', barrier);
    const b = startWriter(dir, v1.id, 'from-b', 'update', barrier);
    await Promise.all([a.ready, b.ready]);
    writeFileSync(barrier, '');
    const results = (await Promise.all([a.done, b.done])).map((r) => {
      expect(r.code).toBe(0);
      return JSON.parse(r.lines[r.lines.length - 1] as string) as { ok: boolean; version?: number; code?: string };
    });
    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok);
    expect(winners).toEqual([{ ok: true, version: 2 }]);
    expect(losers).toEqual([{ ok: false, code: 'PROFILE_CONFLICT' }]);
    const history = await createFileProfileStore(dir).history(v1.id);
    expect(history.map((v) => v.version)).toEqual([1, 2]);
    expect(history[0]).toEqual(v1);
    const winnerName = results[0]?.ok === true ? 'from-a' : 'from-b';
    expect(history[1]?.content).toEqual({ ...content, name: winnerName });
    expect(readdirSync(join(dir, v1.id)).filter((f) => f.startsWith('.tmp-'))).toEqual([]);
  });

  it('a process killed mid-write leaves the previous version intact and the store writable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'profiles-crash-'));
    const store = createFileProfileStore(dir);
    const v1 = await store.create(content);
    const barrier = join(dir, 'go');
    writeFileSync(barrier, '');
    const crashed = await startWriter(dir, v1.id, 'never-written', 'crash', barrier).done;
    expect(crashed.signal).toBe('SIGKILL');
    expect(readdirSync(join(dir, v1.id)).filter((f) => f.startsWith('.tmp-'))).toHaveLength(1);
    expect(await store.history(v1.id)).toEqual([v1]);
    const v2 = await store.update(v1.id, { expectedVersion: 1, content: { ...content, name: 'after-crash' }, note: 'recovered' });
    expect(v2.version).toBe(2);
    expect((await store.history(v1.id)).map((v) => v.content.name)).toEqual(['start', 'after-crash']);
  });
});
