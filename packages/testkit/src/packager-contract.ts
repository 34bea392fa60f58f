import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hasErrors, isSdkError, type Packager } from '@deployment-manager/core';

/** Inputs of {@link packagerContractSuite}. */
export interface PackagerContractInput<B> {
  /** Creates a fresh packager (called once per test). */
  readonly create: () => Packager<B>;
  /** A bundle the packager must pack without errors. */
  readonly validBundle: B;
  /** A bundle whose check reports at least one error. */
  readonly invalidBundle: B;
}

/** Every file under `dir` (relative POSIX paths), with its SHA-256. */
export function listTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p).split('\\').join('/')] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/**
 * The conformance suite every packager runs: stable name, deterministic and
 * pure check, writes only under outDir, artifacts match the files, refuses
 * to pack when check has errors, honours abort, byte-identical output for
 * identical input.
 *
 * @example
 * ```ts
 * packagerContractSuite('cloud', { create: () => createCloudPackager(), validBundle, invalidBundle });
 * ```
 */
export function packagerContractSuite<B>(label: string, input: PackagerContractInput<B>): void {
  const ctx = (outDir: string, signal: AbortSignal = new AbortController().signal) => ({ outDir, signal, log: () => undefined });
  const tmp = (): string => mkdtempSync(join(tmpdir(), 'dm-contract-'));

  describe(`packager contract: ${label}`, () => {
    it('has a stable, non-empty name and target', () => {
      const a = input.create();
      const b = input.create();
      expect(a.name).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(a.target.length).toBeGreaterThan(0);
      expect(b.name).toBe(a.name);
      expect(b.target).toBe(a.target);
    });

    it('check is deterministic and does not mutate the bundle', () => {
      const p = input.create();
      const before = JSON.stringify(input.validBundle);
      const first = p.check(input.validBundle);
      expect(p.check(input.validBundle)).toEqual(first);
      expect(hasErrors(first)).toBe(false);
      expect(JSON.stringify(input.validBundle)).toBe(before);
      expect(hasErrors(p.check(input.invalidBundle))).toBe(true);
    });

    it('writes only under outDir and reports exactly the files written', async () => {
      const parent = tmp();
      try {
        const outDir = join(parent, 'out');
        const result = await input.create().pack(input.validBundle, ctx(outDir));
        expect(readdirSync(parent)).toEqual(['out']);
        const tree = listTree(outDir);
        expect(result.artifacts.length).toBeGreaterThan(0);
        expect(Object.fromEntries(result.artifacts.map((a) => [a.path, a.sha256]))).toEqual(tree);
      } finally {
        rmSync(parent, { recursive: true, force: true });
      }
    });

    it('refuses to pack when check has errors, writing nothing', async () => {
      const outDir = tmp();
      try {
        await expect(input.create().pack(input.invalidBundle, ctx(outDir))).rejects.toSatisfy((e: unknown) => isSdkError(e, 'PACKAGER_CHECK_FAILED'));
        expect(readdirSync(outDir)).toEqual([]);
      } finally {
        rmSync(outDir, { recursive: true, force: true });
      }
    });

    it('honours an aborted signal', async () => {
      const outDir = tmp();
      try {
        const ac = new AbortController();
        ac.abort(new Error('stop'));
        await expect(input.create().pack(input.validBundle, ctx(outDir, ac.signal))).rejects.toSatisfy((e: unknown) => isSdkError(e, 'PACKAGER_ABORTED'));
        expect(readdirSync(outDir)).toEqual([]);
      } finally {
        rmSync(outDir, { recursive: true, force: true });
      }
    });

    it('produces byte-identical output for identical input', async () => {
      const a = tmp();
      const b = tmp();
      try {
        const ra = await input.create().pack(input.validBundle, ctx(a));
        const rb = await input.create().pack(structuredClone(input.validBundle), ctx(b));
        expect(listTree(b)).toEqual(listTree(a));
        expect(rb).toEqual(ra);
      } finally {
        rmSync(a, { recursive: true, force: true });
        rmSync(b, { recursive: true, force: true });
      }
    });
  });
}
