import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { DesktopManifest } from '@deployment-manager/bundle';
import { createElectronBuilderConfig } from './electron-builder-config.ts';
import { validateElectronBuilderConfig } from './electron-builder-schema.ts';
import { UPDATE_CHANNELS, resolveDesktopOptions, type DesktopPublishTarget } from './options.ts';
import { DESKTOP_PLATFORMS, KNOWN_OS_TARGETS } from './platforms.ts';
import { planSigning } from './signing.ts';

const manifest = JSON.parse(readFileSync(new URL('../test/fixtures/sample.desktop.json', import.meta.url), 'utf8')) as DesktopManifest;

const publishArb: fc.Arbitrary<DesktopPublishTarget> = fc.oneof(
  fc.record({ provider: fc.constant('github' as const), owner: fc.constant('o'), repo: fc.constant('r'), private: fc.boolean() }),
  fc.record({ provider: fc.constant('generic' as const), url: fc.constantFrom('https://u.example.com/{{channel}}', 'https://u.example.com') }),
  fc.record({ provider: fc.constant('s3' as const), bucket: fc.constant('b'), region: fc.constant('eu-west-1'), path: fc.constant('/{{channel}}') }, { requiredKeys: ['provider', 'bucket'] }),
);

describe('createElectronBuilderConfig', () => {
  it('rejects what electron-builder would reject, with a JSON pointer', () => {
    const issues = validateElectronBuilderConfig({ appId: 'x', linux: { target: [{ target: 'AppImage', arch: ['sparc'] }] }, bogus: true }, 'e.json');
    expect(issues.map((i) => i.code)).toContain('DESKTOP_CONFIG_SCHEMA');
    expect(issues.some((i) => i.path === '/linux/target/0/arch/0')).toBe(true);
    expect(issues.some((i) => i.message.includes('"bogus"'))).toBe(true);
  });

  test.prop(
    [
      fc.subarray(Object.keys(DESKTOP_PLATFORMS), { minLength: 1 }),
      fc.record({ linux: fc.subarray([...KNOWN_OS_TARGETS.linux], { minLength: 1 }), win: fc.subarray([...KNOWN_OS_TARGETS.win], { minLength: 1 }), mac: fc.subarray([...KNOWN_OS_TARGETS.mac], { minLength: 1 }) }),
      fc.array(publishArb, { maxLength: 3 }),
      fc.constantFrom(...UPDATE_CHANNELS),
    ],
    { numRuns: 150 },
  )('every combination of platforms, targets, publish providers and channel validates against scheme.json', (platforms, targets, publish, channel) => {
    const options = resolveDesktopOptions(manifest, { platforms, targets, publish });
    const config = createElectronBuilderConfig(manifest, options, planSigning(manifest.code_signing, '/code_signing'), channel);
    expect(validateElectronBuilderConfig(config, 'e.json')).toEqual([]);
    const sections = ['linux', 'win', 'mac'].filter((os) => config[os] !== undefined).sort();
    expect(sections).toEqual([...new Set(platforms.map((p) => DESKTOP_PLATFORMS[p]!.os))].sort());
  });
});
