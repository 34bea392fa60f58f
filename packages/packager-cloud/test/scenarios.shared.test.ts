import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGoldenArtifacts, sharedFixture } from '@deployment-manager/testkit';
import { assembleScenario } from '@deployment-manager/bundle';
import { loadWorkspace } from '@deployment-manager/core';
import { Ajv } from 'ajv';
import { bundledComposeSchema, checkCloudBundle, createCloudPackager, planCloud, renderHelmChart, validateComposeSchema, validateKubernetesObject } from '../src/index.ts';
import { SCENARIOS, scenarioManifest } from './scenarios.ts';
import { packContext } from './sample.ts';
import { parseAllDocuments } from 'yaml';

const composeSchema = JSON.parse(readFileSync(sharedFixture('schemas', 'compose-spec.json'), 'utf8')) as Record<string, unknown>;
// service.json is free-form predecessor data; the test reads a few known fields of it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const serviceJson = (name: string): Record<string, any> => JSON.parse(readFileSync(sharedFixture('fixtures', 'vrooli', 'scenarios', name, 'service.json'), 'utf8')) as Record<string, any>;
const docs = (text: string): unknown[] => parseAllDocuments(text, { version: '1.1' }).flatMap((d) => ('toJS' in d ? [d.toJS() as unknown] : [])).filter((d) => d !== null);

describe('the shipped compose-spec.json', () => {
  it('is the Compose Specification schema of ../shared, unmodified', () => {
    expect(bundledComposeSchema()).toEqual(composeSchema);
  });
});

describe.each(SCENARIOS)('scenario %s', (name) => {
  const manifest = scenarioManifest(name);
  const source = serviceJson(name);

  it('mirrors the scenario: name, version, ports, health endpoints and timeouts, and its enabled resources', () => {
    expect(manifest.app.name).toBe(source['service']['name']);
    expect(manifest.app.version).toBe(source['service']['version']);
    const endpoints = source['lifecycle']['health']['endpoints'] as Record<string, string>;
    const checks = source['lifecycle']['health']['checks'] as { name: string; timeout: number; critical: boolean }[];
    for (const port of Object.keys(source['ports'] as object)) {
      const svc = manifest.services.find((s) => s.id === port);
      expect(svc?.kind).toBe('app');
      expect(svc?.health?.path).toBe(endpoints[port]);
      const check = checks.find((c) => c.name === `${port}_endpoint`);
      expect(svc?.health?.timeout_ms).toBe(check?.timeout);
      expect(svc?.critical === true).toBe(check?.critical === true);
    }
    const resources = Object.entries(source['dependencies']['resources'] as Record<string, { enabled?: boolean }>)
      .filter(([, r]) => r.enabled !== false)
      .map(([id]) => id)
      .filter((id) => !(manifest.swaps ?? []).some((s) => s.original === id))
      .sort();
    expect(manifest.services.filter((s) => s.kind === 'resource').map((s) => s.id).sort()).toEqual(resources);
  });

  it('checks clean with the Compose Specification schema of ../shared, and every artifact validates offline', () => {
    expect(checkCloudBundle(manifest, { composeSchema })).toEqual([]);
    const plan = planCloud(manifest, { composeSchema });
    expect(validateComposeSchema(plan.compose, composeSchema)).toEqual([]);
    for (const [file, objects] of plan.kubernetes) for (const o of objects) expect(validateKubernetesObject(o, file)).toEqual([]);
    const chartYaml = plan.files.find((f) => f.path === `helm/${name}/Chart.yaml`);
    expect(chartYaml).toBeDefined();
    expect(new Ajv({ strict: false }).validate(plan.chart.valuesSchema, plan.chart.values)).toBe(true);
    const rendered = renderHelmChart(plan.chart);
    for (const [file, objects] of plan.kubernetes) expect(docs(rendered.get(file) ?? '')).toEqual(objects);
  });

  it('pins every artifact and the notes with golden files', async () => {
    const outDir = mkdtempSync(join(tmpdir(), `dm-cloud-${name}-`));
    try {
      const result = await createCloudPackager({ composeSchema }).pack(manifest, packContext(outDir));
      await expectGoldenArtifacts(Object.fromEntries(result.artifacts.map((a) => [a.path, readFileSync(join(outDir, a.path), 'utf8')])), `./__snapshots__/${name}`);
      await expect(`${JSON.stringify(result.notes, null, 2)}\n`).toMatchFileSnapshot(`./__snapshots__/${name}/notes.json`);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});

describe.each(SCENARIOS.flatMap((s) => (['saas', 'enterprise'] as const).map((tier) => [s, tier] as const)))('%s assembled from the Vrooli fixtures for %s', (name, tier) => {
  it('packs clean against the ../shared compose schema, and the chart renders back to the manifests', () => {
    const { result } = assembleScenario(loadWorkspace(sharedFixture('fixtures', 'vrooli')), name, { tier });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const manifest = result.manifest;
    if (manifest.target !== 'cloud') throw new Error('not a cloud manifest');
    expect(checkCloudBundle(manifest, { composeSchema })).toEqual([]);
    const plan = planCloud(manifest, { composeSchema });
    const rendered = renderHelmChart(plan.chart);
    for (const [file, objects] of plan.kubernetes) expect(docs(rendered.get(file) ?? '')).toEqual(objects);
  });
});
