import { fc, test } from '@fast-check/vitest';
import { assembleScenario, type CloudManifest, type DesktopManifest } from '@deployment-manager/bundle';
import { loadWorkspace, type Diagnostic } from '@deployment-manager/core';
import { createCloudPackager } from '@deployment-manager/packager-cloud';
import { createDesktopPackager } from '@deployment-manager/packager-desktop';
import { createVpsPackager } from '@deployment-manager/packager-vps';
import { EXAMPLE_PROFILE, EXAMPLE_ROOT, exampleCloudApp, hostileMaps, hostileString, replaceStrings } from '@deployment-manager/testkit';
import { describe, expect } from 'vitest';
import { createAwsPackager, createDigitalOceanPackager } from '../src/packager.ts';

/*
 * One validation, the same codes: the security review packed 45 hostile
 * manifests with the provider packagers that the cloud packager refused, and
 * a desktop manifest whose secret file climbed out of the bundle. Names and
 * values are now checked once, by the bundle's validateManifest, which every
 * packager runs first - so a hostile manifest is refused by all of them, at
 * the same JSON pointers, with the same codes.
 */

const errors = (diagnostics: readonly Diagnostic[]): string[] =>
  diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.code} ${d.path}`)
    .sort();

const { manifest: cloudManifest } = exampleCloudApp();
const cloud = createCloudPackager();
const hosts = { vps: createVpsPackager(), digitalocean: createDigitalOceanPackager(), aws: createAwsPackager() };

describe('cloud, vps and terraform refuse the same hostile manifests with the same codes', () => {
  test.prop([hostileMaps(cloudManifest)], { numRuns: 300 })('every user string hostile', ({ hostile }) => {
    const m = replaceStrings(cloudManifest, hostile);
    const vps = errors(hosts.vps.check(m));
    expect(errors(hosts.digitalocean.check(m))).toEqual(vps);
    expect(errors(hosts.aws.check(m))).toEqual(vps);
    // A manifest the hosts refuse is refused by the cloud packager for exactly the same reasons.
    if (vps.length > 0) expect(errors(cloud.check(m))).toEqual(vps);
    else expect(errors(cloud.check(m)).filter((e) => /^(VALUE_|VERSION_|INGRESS_|SECRET_TARGET_|CLOUD_\w*(NAME|ID)_INVALID)/.test(e))).toEqual([]);
  });
});

const { result } = assembleScenario(loadWorkspace(EXAMPLE_ROOT), 'recipe-hub', { tier: 'desktop', profile: EXAMPLE_PROFILE, acceptSuggested: true });
const desktopManifest = result.manifest as DesktopManifest;
const desktop = createDesktopPackager();

/** A copy of a manifest whose first secret is delivered as the file `name`. */
function withSecretFile<M extends CloudManifest | DesktopManifest>(manifest: M, name: string): M {
  const copy = structuredClone(manifest) as M & { secrets: { target: unknown }[] };
  (copy.secrets[0] as { target: unknown }).target = { type: 'file', name };
  return copy;
}

const targetErrors = (diagnostics: readonly Diagnostic[]): string[] => errors(diagnostics).filter((e) => e.endsWith('/secrets/0/target') || e.includes('/secrets/0/target/'));

describe('desktop and cloud refuse the same secret file targets with the same code', () => {
  const paths = fc.oneof(fc.constantFrom('/etc/shadow', '../../../etc/passwd', 'secrets/../../x', './x', 'a//b', 'C:\\x', '~/.ssh/id_rsa'), hostileString);
  test.prop([paths], { numRuns: 60 })('a file target that is absolute, climbs out or is not a plain path', (name) => {
    const onDesktop = targetErrors(desktop.check(withSecretFile(desktopManifest, name)));
    expect(onDesktop).toEqual(targetErrors(cloud.check(withSecretFile(cloudManifest, name))));
    if (name.startsWith('/') || name.split('/').includes('..')) expect(onDesktop.some((e) => e.startsWith('SECRET_TARGET_ESCAPE '))).toBe(true);
  });
});
