import { parse as parseHcl } from '@cdktf/hcl2json';
import { fc, test } from '@fast-check/vitest';
import { hostLayout } from '@deployment-manager/packager-vps';
import { exampleCloudApp, hostileMaps, hostileString, replaceStrings } from '@deployment-manager/testkit';
import { describe, expect } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { renderCloudInit } from '../src/cloud-init.ts';
import { awsModule } from '../src/terraform-aws.ts';
import { digitalOceanModule, digitalOceanVolumeDevice } from '../src/terraform-digitalocean.ts';
import { renderTerraformModule, type TerraformModule } from '../src/terraform-files.ts';
import { hclJsonView } from './hcl-json-view.ts';

/*
 * The Terraform module and cloud-init of a compose host rendered from hostile
 * input - every user string of the manifest, the environment name, the
 * region and the machine size (NUL included) - parse back to exactly the
 * intended structure: hcl2json reads each .tf file as the typed HCL that was
 * rendered, with the same keys, blocks and labels as the render of harmless
 * names (input only ever a value), and cloud-init parses as YAML to the same
 * document shape, its commands the intended words.
 */

const { manifest } = exampleCloudApp();
type Manifest = typeof manifest;

/** A JSON value with every string replaced by "S": what is left is structure. */
function shape(value: unknown): unknown {
  if (typeof value === 'string') return 'S';
  if (Array.isArray(value)) return value.map(shape);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return value;
}

interface Input {
  readonly m: Manifest;
  readonly environment: string;
  readonly region: string;
  readonly size: string;
}

function module(provider: 'digitalocean' | 'aws', { m, environment, region, size }: Input): TerraformModule {
  const layout = hostLayout(m, environment);
  return provider === 'digitalocean' ? digitalOceanModule({ manifest: m, environment, layout, size, volumeGiB: 20, region }) : awsModule({ manifest: m, environment, layout, instanceType: size, volumeGiB: 20, region });
}

const cases = fc.record({ maps: hostileMaps(manifest), environment: hostileString, region: hostileString, size: hostileString, provider: fc.constantFrom('digitalocean' as const, 'aws' as const) });
const harmless = (maps: { harmless: Map<string, string> }): Input => ({ m: replaceStrings(manifest, maps.harmless), environment: 'production', region: 'region', size: 'size' });

describe('the Terraform module from hostile input', () => {
  test.prop([cases], { numRuns: 1000 })('every file parses back with hcl2json to the module rendered, with the structure of the harmless one', async ({ maps, environment, region, size, provider }) => {
    const hostile = module(provider, { m: replaceStrings(manifest, maps.hostile), environment, region, size });
    const plain = module(provider, harmless(maps));
    const [texts, plainTexts] = [renderTerraformModule(hostile), renderTerraformModule(plain)];
    expect(Object.keys(texts)).toEqual(Object.keys(plainTexts));
    for (const [name, items] of Object.entries(hostile)) {
      const parsed = await parseHcl(name, texts[name] ?? '');
      expect(parsed).toEqual(hclJsonView(items));
      expect(shape(parsed)).toEqual(shape(await parseHcl(name, plainTexts[name] ?? '')));
    }
  }, 180_000);
});

describe('cloud-init from hostile input', () => {
  test.prop([cases], { numRuns: 1000 })('parses as YAML to the intended document: the same shape, its directories the layout ones', ({ maps, environment }) => {
    const m = replaceStrings(manifest, maps.hostile);
    const layout = hostLayout(m, environment);
    const text = renderCloudInit({ layout, findDataDevice: digitalOceanVolumeDevice(layout) });
    expect(text.split('\n')[0]).toBe('#cloud-config');
    const doc = parseYaml(text) as { runcmd: string[][] };
    const plainLayout = hostLayout(replaceStrings(manifest, maps.harmless), 'production');
    expect(shape(doc)).toEqual(shape(parseYaml(renderCloudInit({ layout: plainLayout, findDataDevice: digitalOceanVolumeDevice(plainLayout) }))));
    const secrets = `${layout.dir}/${layout.secretsDir}`;
    expect(doc.runcmd.slice(1)).toEqual([['mkdir', '-p', secrets], ['chmod', '700', secrets], ['systemctl', 'enable', '--now', 'docker']]);
    // The mount script names the volume by the layout's project, a DNS name: no input character reaches its shell.
    expect(doc.runcmd[0]?.[2]).toContain(`dev="$(echo /dev/disk/by-id/scsi-0DO_Volume_${layout.project}-data)"`);
    expect(layout.project).toMatch(/^[a-z0-9-]+$/);
  });
});
