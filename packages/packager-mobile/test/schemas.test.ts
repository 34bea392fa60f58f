import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CapacitorConfig } from '@capacitor/cli';
import { CAPACITOR_CLI_VERSION, planMobile, schemaPath, validateCapacitorConfig, type CapacitorConfigJson } from '../src/index.ts';
import { capacitorCliVersion, generateSchemas } from '../scripts/generate-capacitor-schema.ts';
import { sampleManifest } from './sample.ts';

// Compile-time pin: what the packager writes is a CapacitorConfig as @capacitor/cli declares it.
const asCapacitor = (c: CapacitorConfigJson): CapacitorConfig => c;

describe('committed schemas', () => {
  it('regenerating every schema (from @capacitor/cli and from our artifact types) gives the committed files byte for byte', () => {
    const generated = generateSchemas();
    expect(Object.keys(generated).sort()).toEqual(['capacitor-config.schema.json', 'runtime-config.schema.json', 'secret-plan.mobile.schema.json', 'server-side-moves.schema.json']);
    for (const [file, text] of Object.entries(generated)) expect(readFileSync(schemaPath(file), 'utf8'), file).toBe(text);
  });

  it('records the @capacitor/cli version the Capacitor schema came from', () => {
    expect(capacitorCliVersion()).toBe(CAPACITOR_CLI_VERSION);
    const schema = JSON.parse(readFileSync(schemaPath('capacitor-config.schema.json'), 'utf8')) as { $schema: string; $comment: string };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$comment).toContain(`@capacitor/cli@${CAPACITOR_CLI_VERSION}`);
  });
});

describe('validateCapacitorConfig', () => {
  it('accepts the generated configuration, which is also a CapacitorConfig by type', () => {
    const config = asCapacitor(planMobile(sampleManifest(), { android: { releaseType: 'AAB' } }).config);
    expect(validateCapacitorConfig(config, 'capacitor.config.json')).toEqual([]);
  });

  it("accepts Capacitor's documented options, plugin blocks included", () => {
    const config = {
      appId: 'com.example.app',
      appName: 'Example',
      webDir: 'dist',
      loggingBehavior: 'none',
      server: { hostname: 'localhost', androidScheme: 'https', allowNavigation: ['example.com'], errorPath: 'error.html' },
      android: { minWebViewVersion: 60, buildOptions: { releaseType: 'APK', signingType: 'apksigner' } },
      ios: { contentInset: 'automatic', preferredContentMode: 'mobile' },
      plugins: { SplashScreen: { launchShowDuration: 0 }, CapacitorHttp: { enabled: true } },
    };
    expect(validateCapacitorConfig(config, 'capacitor.config.json')).toEqual([]);
  });

  it('reports unknown keys, wrong types and enum values with pointers', () => {
    const issues = validateCapacitorConfig({ appId: 1, webDir: 'dist', loggingBehavior: 'loud', server: { cleartxt: true }, android: { buildOptions: { releaseType: 'IPA' } } }, 'capacitor.config.json');
    expect(issues.every((d) => d.code === 'MOBILE_CAPACITOR_CONFIG_SCHEMA' && d.severity === 'error')).toBe(true);
    expect(issues.map((d) => d.path).sort()).toEqual(['/android/buildOptions/releaseType', '/appId', '/loggingBehavior', '/server']);
    expect(issues.find((d) => d.path === '/server')?.message).toContain('cleartxt');
  });
});
