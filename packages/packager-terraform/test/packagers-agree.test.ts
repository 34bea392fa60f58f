import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { assembleScenario, type CloudManifest, type DesktopManifest, type MobileManifest } from '@deployment-manager/bundle';
import { jsonPointer, loadWorkspace, type Diagnostic } from '@deployment-manager/core';
import { createCloudPackager } from '@deployment-manager/packager-cloud';
import { createDesktopPackager } from '@deployment-manager/packager-desktop';
import { createMobilePackager } from '@deployment-manager/packager-mobile';
import { createVpsPackager } from '@deployment-manager/packager-vps';
import { EXAMPLE_PROFILE, EXAMPLE_ROOT, exampleCloudApp, hostileMaps, hostileString, replaceStrings } from '@deployment-manager/testkit';
import { describe, expect, it } from 'vitest';
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

const mobileManifest = JSON.parse(readFileSync(new URL('../../packager-mobile/test/fixtures/sample.mobile.json', import.meta.url), 'utf8')) as MobileManifest;
const mobile = createMobilePackager();

/** Every string of a JSON value and every object key, as the JSON pointer segments of where it is (a key: the path of its value, with `key`). */
function stringPlaces(value: unknown, path: readonly (string | number)[] = []): { path: (string | number)[]; key: boolean }[] {
  if (typeof value === 'string') return [{ path: [...path], key: false }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPlaces(v, [...path, i]));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => [...(typeof v === 'object' && v !== null && !Array.isArray(v) ? [{ path: [...path, k], key: true }] : []), ...stringPlaces(v, [...path, k])]);
}

/** A copy of `value` with `insert` put into the string (or the key) at `place`, at `at` (modulo its length). */
function withInserted<T>(value: T, place: { path: readonly (string | number)[]; key: boolean }, insert: string, at: number): { copy: T; pointer: string } {
  const copy = structuredClone(value) as T;
  const parentPath = place.path.slice(0, -1);
  const last = place.path[place.path.length - 1] as string | number;
  const parent = parentPath.reduce<Record<string | number, unknown>>((node, seg) => node[seg] as Record<string | number, unknown>, copy as Record<string | number, unknown>);
  const text = place.key ? String(last) : (parent[last] as string);
  const cut = at % (text.length + 1);
  const changed = `${text.slice(0, cut)}${insert}${text.slice(cut)}`;
  if (place.key) {
    // The renamed key keeps its value and its place among the keys.
    const entries = Object.entries(parent).map(([k, v]) => [k === last ? changed : k, v] as const);
    for (const k of Object.keys(parent)) delete parent[k];
    for (const [k, v] of entries) parent[k] = v;
  } else {
    parent[last] = changed;
  }
  return { copy, pointer: jsonPointer([...parentPath, place.key ? changed : last]) };
}

// C0 controls (NUL first), DEL, C1 controls, the Unicode line and paragraph separators, lone surrogates: no generated file holds them as written.
const unprintable = fc.oneof(fc.constant('\u0000'), fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), fc.constantFrom('\u007f', '\u0085', '\u009b', '\u2028', '\u2029', '\ud800', '\udfff'));

const targets = [
  { name: 'desktop', manifest: desktopManifest as unknown, packagers: [desktop] },
  { name: 'cloud', manifest: cloudManifest as unknown, packagers: [cloud, hosts.vps, hosts.digitalocean, hosts.aws] },
  { name: 'mobile', manifest: mobileManifest as unknown, packagers: [mobile] },
] as const;

describe('a control character anywhere in a manifest is refused by every packager with VALUE_UNPRINTABLE at its place', () => {
  // `target` picks the schema; a control character there is MANIFEST_TARGET_UNKNOWN, tested in the bundle package.
  const cases = fc.constantFrom(...targets).chain((t) =>
    fc.record({ target: fc.constant(t), place: fc.constantFrom(...stringPlaces(t.manifest).filter((p) => p.path.join('/') !== 'target')), insert: unprintable, at: fc.nat() }),
  );
  test.prop([cases], { numRuns: 1000 })('in every string and every key, NUL included', ({ target, place, insert, at }) => {
    const { copy, pointer } = withInserted(target.manifest, place, insert, at);
    for (const packager of target.packagers) {
      const found = (packager.check as (m: unknown) => readonly Diagnostic[])(copy).filter((d) => d.code === 'VALUE_UNPRINTABLE');
      expect(found.map((d) => d.path)).toContain(pointer);
      expect(found.every((d) => d.severity === 'error')).toBe(true);
    }
  });

  it('covers every string of the three manifests (NUL at the start of each)', () => {
    for (const target of targets) {
      const places = stringPlaces(target.manifest).filter((p) => p.path.join('/') !== 'target');
      expect(places.length).toBeGreaterThan(40);
      for (const place of places) {
        const { copy, pointer } = withInserted(target.manifest, place, '\u0000', 0);
        for (const packager of target.packagers) expect((packager.check as (m: unknown) => readonly Diagnostic[])(copy).map((d) => `${d.code} ${d.path}`)).toContain(`VALUE_UNPRINTABLE ${pointer}`);
      }
    }
  });
});
