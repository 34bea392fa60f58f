import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { validateManifest } from '@deployment-manager/bundle';
import { createCloudPackager, planCloud } from '../src/index.ts';
import { cloudManifestArb, secretVariables } from './arbitraries.ts';
import { packContext } from './sample.ts';

// A secret value: long and random enough that it cannot occur in an artifact by chance.
const secretValue = fc.stringMatching(/^[A-Za-z0-9+/=_-]{24,40}$/).map((v) => `sv-${v}`);

describe('cloud packager properties', () => {
  test.prop([cloudManifestArb], { numRuns: 60 })('every generated manifest is valid, and every artifact of it validates offline (check is clean)', (manifest) => {
    const validation = validateManifest(manifest);
    expect(validation.ok ? [] : validation.issues).toEqual([]);
    expect(createCloudPackager().check(manifest).filter((d) => d.severity === 'error')).toEqual([]);
  });

  test.prop([cloudManifestArb.chain((m) => fc.tuple(fc.constant(m), fc.array(secretValue, { minLength: secretVariables(m).length, maxLength: secretVariables(m).length })))], { numRuns: 40 })(
    'no secret value appears in any artifact, note, issue or log line, and no secret target is given a value',
    async ([manifest, values]) => {
      const names = secretVariables(manifest);
      const saved = names.map((n) => [n, process.env[n]] as const);
      // A careless packager would copy these from the environment.
      names.forEach((n, i) => (process.env[n] = values[i]));
      const outDir = mkdtempSync(join(tmpdir(), 'dm-cloud-secret-'));
      const logs: string[] = [];
      try {
        const packager = createCloudPackager();
        const issues = packager.check(manifest);
        const result = await packager.pack(manifest, packContext(outDir, logs));
        const texts = [...result.artifacts.map((a) => readFileSync(join(outDir, a.path), 'utf8')), JSON.stringify(result.notes), JSON.stringify(issues), ...logs];
        for (const value of values) for (const t of texts) expect(t.includes(value)).toBe(false);

        const plan = planCloud(manifest);
        const envTargets = new Set((manifest.secrets ?? []).flatMap((s) => (s.target.type === 'env' ? [s.target.name] : [])));
        for (const svc of Object.values(plan.compose['services'] as Record<string, { environment?: Record<string, string> }>)) {
          for (const k of Object.keys(svc.environment ?? {})) expect(envTargets.has(k)).toBe(false);
        }
        for (const objects of plan.kubernetes.values()) {
          for (const o of objects) {
            expect(o['kind']).not.toBe('Secret');
            if (o['kind'] === 'ConfigMap') for (const k of Object.keys((o['data'] as Record<string, string>) ?? {})) expect(envTargets.has(k)).toBe(false);
          }
        }
        const prompted = (plan.chart.values['secrets'] as { values?: Record<string, string> } | undefined)?.values ?? {};
        expect(Object.values(prompted).every((v) => v === '')).toBe(true);
      } finally {
        for (const [n, v] of saved) {
          if (v === undefined) delete process.env[n];
          else process.env[n] = v;
        }
        rmSync(outDir, { recursive: true, force: true });
      }
    },
    // Each run packs a manifest and validates every artifact offline: a few seconds each on a busy machine.
    300_000,
  );
});
