import { parse as parseHcl } from '@cdktf/hcl2json';
import { assembleScenario, type CloudManifest } from '@deployment-manager/bundle';
import { loadWorkspace } from '@deployment-manager/core';
import { sharedFixture } from '@deployment-manager/testkit';
import { describe, expect, it } from 'vitest';
import { renderTerraformHost } from '../src/render-terraform.ts';
import { hclJsonView } from './hcl-json-view.ts';

// Real Vrooli scenarios that assemble into a cloud manifest render Terraform that parses back.
const workspace = loadWorkspace(sharedFixture('fixtures', 'vrooli'));
const manifests: [string, CloudManifest][] = [];
for (const name of [...workspace.scenarios.keys()].sort()) {
  const { result } = assembleScenario(workspace, name, { tier: 'saas' });
  if (result.ok && result.manifest.target === 'cloud') manifests.push([name, result.manifest]);
}

describe('Terraform packager over the Vrooli fixtures (saas)', () => {
  it.each(manifests.slice(0, 10))('%s: the DigitalOcean and AWS modules parse back with hcl2json', async (_name, manifest) => {
    for (const provider of ['digitalocean', 'aws'] as const) {
      const r = renderTerraformHost(manifest, provider);
      for (const [file, items] of Object.entries(r.terraform)) {
        expect(await parseHcl(file, r.files.find((f) => f.path === `terraform/${file}`)?.content ?? '')).toEqual(hclJsonView(items));
      }
    }
  });
});
