import type { CloudManifest, CloudService } from '@deployment-manager/bundle';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { estimateCost, footprint, pickSize } from './cost.ts';
import { checkGuardrails } from './guardrails.ts';
import { DEFAULT_PRICE_TABLE } from './price-table.ts';

const service: fc.Arbitrary<CloudService> = fc.record(
  {
    id: fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/),
    kind: fc.constantFrom('app' as const, 'resource' as const),
    image: fc.constant('x:1'),
    replicas: fc.integer({ min: 0, max: 4 }),
    resources: fc.record({ cpu: fc.constantFrom('100m', '250m', '1', '2'), memory: fc.constantFrom('128Mi', '512Mi', '1Gi', '4Gi') }, { requiredKeys: [] }),
    volumes: fc.array(fc.record({ name: fc.constant('data'), mount_path: fc.constant('/data'), persistent: fc.boolean(), size: fc.constantFrom('1Gi', '10Gi', '500Mi') }, { requiredKeys: ['name', 'mount_path', 'persistent'] }), { maxLength: 2 }),
  },
  { requiredKeys: ['id', 'kind', 'image'] },
);
const manifest: fc.Arbitrary<CloudManifest> = fc
  .uniqueArray(service, { minLength: 1, maxLength: 6, selector: (s) => s.id })
  .map((services) => ({ schema_version: 'v0.1', target: 'cloud', tier: 'saas', app: { name: 'app', version: '1.0.0' }, services }));

describe('footprint and cost', () => {
  test.prop([manifest, fc.integer({ min: 0, max: 5 })])('adding a replica never lowers the footprint or the estimate', (m, i) => {
    const idx = i % m.services.length;
    const more: CloudManifest = { ...m, services: m.services.map((s, j) => (j === idx ? { ...s, replicas: (s.replicas ?? 1) + 1 } : s)) };
    const [a, b] = [footprint(m), footprint(more)];
    expect(b.cpuMillis).toBeGreaterThanOrEqual(a.cpuMillis);
    expect(b.memoryMiB).toBeGreaterThanOrEqual(a.memoryMiB);
    const [ca, cb] = [estimateCost(m, 'do'), estimateCost(more, 'do')];
    if (ca.ok && cb.ok) expect(cb.estimate.monthlyUsd).toBeGreaterThanOrEqual(ca.estimate.monthlyUsd);
    if (!ca.ok) expect(cb.ok).toBe(false);
  });

  test.prop([manifest])('the chosen size fits and no cheaper size does; the total is the sum of the lines', (m) => {
    for (const target of ['do', 'aws'] as const) {
      const r = estimateCost(m, target);
      if (!r.ok) continue;
      const prices = DEFAULT_PRICE_TABLE[target === 'do' ? 'digitalocean' : 'aws'];
      expect(pickSize(prices, footprint(m))).toEqual(r.estimate.size);
      const cheaper = prices.sizes.filter((s) => s.monthlyUsd < r.estimate.size.monthlyUsd);
      for (const s of cheaper) expect(pickSize({ ...prices, sizes: [s] }, footprint(m))).toBeUndefined();
      expect(r.estimate.monthlyUsd).toBeCloseTo(r.estimate.lines.reduce((sum, l) => sum + l.monthlyUsd, 0), 6);
    }
  });

  it('has no price data for self-managed targets', () => {
    const m: CloudManifest = { schema_version: 'v0.1', target: 'cloud', tier: 'saas', app: { name: 'a', version: '1' }, services: [{ id: 'a', kind: 'app', image: 'x' }] };
    for (const t of ['vps', 'compose', 'k8s'] as const) expect(estimateCost(m, t)).toMatchObject({ ok: false, reason: 'no-price-data' });
  });
});

describe('checkGuardrails', () => {
  const need = { cpuMillis: 1000, memoryMiB: 1024, gpus: 0, volumeGiB: 10, maxReplicas: 2, assumed: [] };
  const estimate = (usd: number) => ({ provider: 'digitalocean' as const, currency: 'USD' as const, monthlyUsd: usd, lines: [], size: DEFAULT_PRICE_TABLE.digitalocean.sizes[0]!, source: 'test' });

  test.prop([fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 1e4, noNaN: true }), fc.boolean()])('blocks exactly above the threshold unless confirmed', (cost, threshold, confirm) => {
    const found = checkGuardrails(estimate(cost), need, { confirmAbove: threshold }, confirm).map((f) => f.code);
    expect(found).toEqual(cost > threshold && !confirm ? ['COST_NEEDS_CONFIRMATION'] : []);
  });

  test.prop([fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 1e4, noNaN: true })])('the hard limit cannot be confirmed away', (cost, limit) => {
    expect(checkGuardrails(estimate(cost), need, { maxMonthlyCost: limit }, true).map((f) => f.code)).toEqual(cost > limit ? ['COST_OVER_LIMIT'] : []);
  });
});
