import { exportCanonical, type CloudManifest } from '@deployment-manager/bundle';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { applyManifestDiff } from '../src/manifest-diff.ts';
import { planRollback } from '../src/rollback.ts';
import { TARGET_IDS } from '../src/targets-data.ts';
import { exampleCloudApp } from '@deployment-manager/testkit';

const { manifest } = exampleCloudApp();
// A previous release: the current manifest with some versions, images, replicas and services changed.
const previous: fc.Arbitrary<CloudManifest> = fc
  .record({
    version: fc.constantFrom('3.0.0', '3.1.0', '3.2.0'),
    replicas: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: manifest.services.length, maxLength: manifest.services.length }),
    images: fc.array(fc.option(fc.constantFrom('img:a', 'img:b'), { nil: undefined }), { minLength: manifest.services.length, maxLength: manifest.services.length }),
    drop: fc.integer({ min: 0, max: manifest.services.length }),
  })
  .map(({ version, replicas, images, drop }) => ({
    ...manifest,
    app: { ...manifest.app, version },
    services: manifest.services.filter((_, i) => i !== drop).map((s, i) => ({ ...s, replicas: replicas[i] ?? 1, ...(images[i] === undefined ? {} : { image: images[i] }) })),
  }));

describe('planRollback', () => {
  test.prop([previous, fc.constantFrom(...TARGET_IDS)], { numRuns: 100 })('its diff turns the current manifest into the previous one, verified by checksum', (prev, target) => {
    const plan = planRollback(manifest, { manifest: prev, sha256: exportCanonical(prev).sha256 }, target, 'production');
    expect(plan.available).toBe(true);
    expect(exportCanonical(applyManifestDiff(manifest, plan.diff)).sha256).toBe(plan.toSha256);
    expect(plan.steps.length).toBeGreaterThan(0);
  });

  test.prop([previous, fc.stringMatching(/^[0-9a-f]{64}$/)], { numRuns: 50 })('refuses a previous release whose checksum does not match', (prev, sha) => {
    fc.pre(sha !== exportCanonical(prev).sha256);
    const plan = planRollback(manifest, { manifest: prev, sha256: sha }, 'vps', 'production');
    expect(plan.available).toBe(false);
    expect(plan.findings.map((f) => f.code)).toContain('ROLLBACK_CHECKSUM_MISMATCH');
  });
});
