import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { hasErrors } from '@deployment-manager/core';
import { createDesktopPackager } from '../src/index.ts';
import { desktopManifestArb, secretEnvNames } from './arbitraries.ts';

// A secret value: long and random enough that it cannot occur in an artifact by chance.
const secretValue = fc.stringMatching(/^[A-Za-z0-9+/=_-]{24,40}$/).map((v) => `sv-${v}`);

describe('no secret value reaches an artifact', () => {
  test.prop([desktopManifestArb.chain((m) => fc.tuple(fc.constant(m), fc.array(secretValue, { minLength: secretEnvNames(m).length, maxLength: secretEnvNames(m).length })))], { numRuns: 60 })(
    'for arbitrary valid bundles, with secret values in the environment and the logs watched',
    async ([manifest, values]) => {
      const names = secretEnvNames(manifest);
      const saved = names.map((n) => [n, process.env[n]] as const);
      // A careless packager would copy these from the environment (signing passwords, service secrets).
      names.forEach((n, i) => (process.env[n] = values[i]));
      const outDir = mkdtempSync(join(tmpdir(), 'dm-desktop-secret-'));
      const logs: string[] = [];
      try {
        const packager = createDesktopPackager();
        const issues = packager.check(manifest);
        expect(hasErrors(issues)).toBe(false);
        const result = await packager.pack(manifest, { outDir, log: (e) => logs.push(e.message), signal: new AbortController().signal });
        const texts = [...result.artifacts.map((a) => readFileSync(join(outDir, a.path), 'utf8')), JSON.stringify(result.notes), JSON.stringify(issues), ...logs];
        for (const value of values) for (const text of texts) expect(text.includes(value)).toBe(false);
      } finally {
        for (const [n, v] of saved) {
          if (v === undefined) delete process.env[n];
          else process.env[n] = v;
        }
        rmSync(outDir, { recursive: true, force: true });
      }
    },
  );
});
