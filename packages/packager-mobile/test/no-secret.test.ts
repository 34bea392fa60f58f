import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { hasErrors } from '@deployment-manager/core';
import { DEFAULT_CATALOG } from '@deployment-manager/catalog';
import { findSecretLeaks } from '@deployment-manager/secrets';
import { createMobilePackager, validateMobileArtifact } from '../src/index.ts';
import { mobileManifestArb } from './arbitraries.ts';

// A secret value: long and random enough that it cannot occur in an artifact by chance.
const secretValue = fc.stringMatching(/^[A-Za-z0-9+/=_-]{24,40}$/).map((v) => `sv-${v}`);
// Every variable a dependency's secret is read from, plus the device's storage keys: where a careless packager would find values.
const catalogEnv = [...new Set([...DEFAULT_CATALOG.entries.values()].flatMap((d) => (d.secrets ?? []).flatMap((s) => [s.env, ...(s.serviceEnv === undefined ? [] : [s.serviceEnv])])))].sort();

describe('no secret value reaches an artifact', () => {
  test.prop([mobileManifestArb, fc.array(secretValue, { minLength: catalogEnv.length + 3, maxLength: catalogEnv.length + 3 })], { numRuns: 60 })(
    'for arbitrary valid bundles, with secret values in the environment and the logs watched; every JSON artifact validates',
    async (manifest, values) => {
      const names = [...catalogEnv, ...(manifest.secrets ?? []).map((s) => s.target.name)];
      const saved = names.map((n) => [n, process.env[n]] as const);
      names.forEach((n, i) => (process.env[n] = values[i]));
      const outDir = mkdtempSync(join(tmpdir(), 'dm-mobile-secret-'));
      const logs: string[] = [];
      try {
        const packager = createMobilePackager();
        const issues = packager.check(manifest);
        expect(hasErrors(issues), JSON.stringify(issues)).toBe(false);
        const result = await packager.pack(manifest, { outDir, log: (e) => logs.push(e.message), signal: new AbortController().signal });
        const outputs: Record<string, string> = { notes: JSON.stringify(result.notes), issues: JSON.stringify(issues), logs: logs.join('\n') };
        for (const a of result.artifacts) outputs[a.path] = readFileSync(join(outDir, a.path), 'utf8');
        expect(findSecretLeaks(outputs, values.slice(0, names.length))).toEqual([]);
        const plan = JSON.parse(outputs['secret-plan.mobile.json'] as string) as { device: { class: string }[] };
        expect(plan.device.map((s) => s.class)).not.toContain('infrastructure');
        for (const a of result.artifacts) if (a.mediaType === 'application/json') expect(validateMobileArtifact(a.path, JSON.parse(outputs[a.path] as string))).toEqual([]);
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
