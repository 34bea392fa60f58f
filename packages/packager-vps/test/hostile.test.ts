import { spawnSync } from 'node:child_process';
import { fc, test } from '@fast-check/vitest';
import { isSdkError } from '@deployment-manager/core';
import { exampleCloudApp, holdsNul, hostileMaps, replaceStrings, shellShape } from '@deployment-manager/testkit';
import { describe, expect } from 'vitest';
import { renderManifestCompose } from '@deployment-manager/packager-cloud';
import { parse as parseYaml } from 'yaml';
import { renderComposeOverride } from '../src/compose-override.ts';
import { renderDeployScript } from '../src/deploy-script.ts';
import { renderHostCompose } from '../src/host-compose.ts';
import { hostLayout } from '../src/host-layout.ts';
import { deriveSmokeChecks, renderSmokeScript } from '../src/smoke.ts';
import { renderSystemdUnit } from '../src/systemd-unit.ts';

/*
 * Every user-controlled string of the example manifest replaced by hostile
 * text: each script has the shape of the same script rendered from harmless
 * names (the input stayed a quoted value) or the renderer refused the value
 * with EMIT_VALUE_INVALID (a NUL, which no shell word can hold).
 */

const { manifest } = exampleCloudApp();
const maps = hostileMaps(manifest);
// The app name stays: it names the Kubernetes Secret whose mount paths the Compose file shares, and
// the renderer refuses (INVALID_ARGUMENT) one that is not a DNS label, as validateManifest does.
const namedMaps = hostileMaps(manifest, (s) => s === manifest.app.name);

function sameShape(render: (m: typeof manifest) => string, hostile: Map<string, string>, harmless: Map<string, string>): void {
  let text: string;
  try {
    text = render(replaceStrings(manifest, hostile));
  } catch (error) {
    expect(isSdkError(error, 'EMIT_VALUE_INVALID')).toBe(true);
    return;
  }
  expect(shellShape(text)).toEqual(shellShape(render(replaceStrings(manifest, harmless))));
}

const deploy = (m: typeof manifest): string =>
  renderDeployScript({ manifest: m, environment: 'production', layout: hostLayout(m, 'production'), strategy: 'rolling', secretsFile: m.app.name });

describe('hostile manifests in the compose host files', () => {
  test.prop([maps], { numRuns: 1000 })('deploy.sh keeps its shape: every value stays one quoted word', ({ hostile, harmless }) => {
    sameShape(deploy, hostile, harmless);
  });

  test.prop([maps], { numRuns: 1000 })('smoke.sh keeps its shape on a compose host and on Kubernetes', ({ hostile, harmless }) => {
    sameShape((m) => renderSmokeScript(m, deriveSmokeChecks(m), 'compose', 'production'), hostile, harmless);
    sameShape((m) => renderSmokeScript(m, deriveSmokeChecks(m), 'kubernetes', 'production'), hostile, harmless);
  });

  test.prop([maps], { numRuns: 1000 })('the compose override parses back with the env values as values and no other keys', ({ hostile }) => {
    const m = replaceStrings(manifest, hostile);
    const apps = { env: Object.fromEntries(Object.keys(m.services.find((s) => s.kind === 'app')?.env ?? {}).map((k) => [k, ''])) };
    // Read as docker-compose 1.x's PyYAML reads it (YAML 1.1).
    const doc = parseYaml(renderComposeOverride(m, { name: 'production', apps }), { version: '1.1' }) as { services: Record<string, { environment?: Record<string, string> }> };
    expect(Object.keys(doc)).toEqual(['services']);
    expect(Object.keys(doc.services)).toEqual(m.services.map((s) => s.id));
    for (const s of m.services) {
      const env = doc.services[s.id]?.environment;
      if (s.kind !== 'app' || env === undefined) continue;
      for (const [k, v] of Object.entries(env)) expect(v).toBe((s.env?.[k] ?? '').replace(/\$/g, '$$$$'));
    }
  });

  test.prop([namedMaps], { numRuns: 200 })('the complete host compose file reads back (YAML 1.1, as docker-compose 1.x reads it) as the cloud rendering without ports or builds, plus the proxy, under comment lines only', ({ hostile }) => {
    const m = replaceStrings(manifest, hostile);
    let text: string;
    try {
      text = renderHostCompose(m, 'production');
    } catch (error) {
      // Only a NUL (the shared hostile strings hold one now and then), which no healthcheck shell word holds, is refused.
      expect(isSdkError(error, 'EMIT_VALUE_INVALID')).toBe(true);
      expect(holdsNul(hostile.values())).toBe(true);
      return;
    }
    const body = text.indexOf('\nservices:\n');
    expect(body).toBeGreaterThan(0);
    for (const line of text.slice(0, body).split('\n')) expect(line).toMatch(/^# /);
    const doc = parseYaml(text, { version: '1.1' }) as { services: Record<string, Record<string, unknown>>; volumes: Record<string, unknown> };
    const cloud = renderManifestCompose(m).compose as { services: Record<string, Record<string, unknown>>; volumes?: Record<string, unknown> };
    const proxy = hostLayout(m, 'production').proxyService;
    expect(Object.keys(doc.services)).toEqual([...m.services.map((s) => s.id), proxy]);
    expect(Object.keys(cloud.services)).toEqual(m.services.map((s) => s.id));
    for (const [id, s] of Object.entries(cloud.services)) {
      const { ports: _ports, build: _build, ...rest } = s;
      expect(doc.services[id]).toEqual(rest);
    }
    expect(doc.services[proxy]?.['ports']).toEqual(['80:80', '443:443']);
    expect(Object.keys(doc.volumes)).toEqual([...Object.keys(cloud.volumes ?? {}), `${proxy}-data`]);
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 24 })], { numRuns: 1000 })('the systemd unit keeps its settings whatever the app and environment names', (name) => {
    const layout = hostLayout({ ...manifest, app: { ...manifest.app, name } }, name);
    const unit = renderSystemdUnit(layout, `deployment-manager project ${layout.project}`);
    const keys = unit.split('\n').filter((l) => l !== '' && !l.startsWith('[')).map((l) => l.slice(0, l.indexOf('=')));
    expect(keys).toEqual(['Description', 'Requires', 'After', 'Wants', 'Type', 'RemainAfterExit', 'WorkingDirectory', 'ExecStart', 'ExecReload', 'ExecStop', 'TimeoutStartSec', 'WantedBy']);
    expect(unit).not.toMatch(/\\\n/);
  });
});

const hasShellcheck = spawnSync('shellcheck', ['--version']).status === 0;
if (!hasShellcheck) console.warn('[packager-vps tests] shellcheck is not on PATH, so the shellcheck run is skipped (the shape properties still run)');

describe.skipIf(!hasShellcheck)('shellcheck', () => {
  test.prop([maps], { numRuns: 15 })('passes deploy.sh and smoke.sh rendered from hostile manifests', ({ hostile }) => {
    const m = replaceStrings(manifest, hostile);
    let scripts: string[];
    try {
      scripts = [deploy(m), renderSmokeScript(m, deriveSmokeChecks(m), 'compose', 'production')];
    } catch (error) {
      expect(isSdkError(error, 'EMIT_VALUE_INVALID')).toBe(true);
      return;
    }
    for (const script of scripts) {
      const r = spawnSync('shellcheck', ['-s', 'bash', '-S', 'warning', '-'], { input: script, encoding: 'utf8' });
      expect(r.stdout).toBe('');
    }
  });
});
