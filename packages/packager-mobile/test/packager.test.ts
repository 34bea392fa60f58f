import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MobileManifest } from '@deployment-manager/bundle';
import { packagerContractSuite } from '@deployment-manager/testkit';
import { createMobilePackager, planMobile, validateMobileArtifact } from '../src/index.ts';
import { sampleManifest } from './sample.ts';

const valid = sampleManifest();
// One segment: Capacitor's app id rule (and the manifest schema) refuse it.
const invalid = { ...valid, app_id: 'tally' } as MobileManifest;

packagerContractSuite('mobile', { create: () => createMobilePackager(), validBundle: valid, invalidBundle: invalid });

const ctx = (outDir: string) => ({ outDir, log: () => undefined, signal: new AbortController().signal });
const withOptions = () =>
  createMobilePackager({ appName: 'Tally', backgroundColor: '#101010', loggingBehavior: 'production', android: { releaseType: 'AAB', keystorePath: 'keys/release.jks', keystoreAlias: 'tally' }, ios: { scheme: 'App', signingStyle: 'automatic', exportMethod: 'app-store-connect' } });

describe('mobile packager output', () => {
  it('writes the documented files and pins each one with a golden snapshot', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'dm-mobile-'));
    try {
      const result = await withOptions().pack(valid, ctx(outDir));
      expect(result.artifacts.map((a) => a.path)).toEqual(['NEXT-STEPS.md', 'capacitor.config.json', 'runtime-config.json', 'secret-plan.mobile.json', 'server-side-moves.json']);
      for (const artifact of result.artifacts) {
        await expect(readFileSync(join(outDir, artifact.path), 'utf8')).toMatchFileSnapshot(`./__snapshots__/sample/${artifact.path}`);
      }
      await expect(`${JSON.stringify(result.notes, null, 2)}\n`).toMatchFileSnapshot('./__snapshots__/sample/notes.json');
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });

  it('writes JSON artifacts that each validate offline against their committed schema', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'dm-mobile-'));
    try {
      const result = await withOptions().pack(valid, ctx(outDir));
      const json = result.artifacts.filter((a) => a.mediaType === 'application/json');
      expect(json).toHaveLength(4);
      for (const a of json) expect(validateMobileArtifact(a.path, JSON.parse(readFileSync(join(outDir, a.path), 'utf8')))).toEqual([]);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });

  it('renders placements as the manifest states them and decides none of its own', () => {
    // The sample states where its dependencies run (as the assembly writes it); without that, nothing moves.
    expect(planMobile(valid).moves.moves.map((m) => m.node)).toEqual(['resource:n8n', 'resource:ollama', 'resource:openrouter', 'resource:qdrant', 'resource:whisper']);
    const { placements: _p, server_secrets: _s, ...bare } = valid;
    expect(planMobile(bare).moves.moves).toEqual([]);
    expect(planMobile(bare).secrets.server).toEqual([]);
  });

  it('lists each dependency that runs off the device with the fitness reasons and its replacement', () => {
    const { moves } = planMobile(valid);
    expect(moves.backend).toBe('api');
    expect(moves.moves.map((m) => [m.dependency, m.placement, m.via ?? null, m.must_move, m.replacement?.name ?? null, m.replacement?.source ?? null, m.replacement?.hosted ?? null])).toEqual([
      ['n8n', 'behind', 'api', true, 'embedded-workflows', 'manifest', false],
      ['ollama', 'remote', 'llm', true, 'openrouter', 'manifest', true],
      ['openrouter', 'remote', 'llm', false, null, null, null],
      ['qdrant', 'remote', 'search', true, 'qdrant-cloud', 'swap-catalog', true],
      ['whisper', 'hosted', null, true, 'openai', 'manifest', true],
    ]);
    for (const m of moves.moves.filter((x) => x.must_move)) expect(m.why.filter((r) => r.blocker).map((r) => r.fact)).toContain('daemon');
    expect(moves.moves.find((m) => m.dependency === 'openrouter')?.why.some((r) => r.blocker)).toBe(false);
    const ollama = moves.moves.find((m) => m.dependency === 'ollama');
    expect(ollama?.replacement?.lacks).toEqual(['embeddings']);
    expect(ollama?.alternatives.map((a) => a.name).sort()).toEqual(['anthropic', 'openai']);
    expect(moves.moves.map((m) => m.server_secrets)).toEqual([[], [], ['openrouter.api_key'], ['qdrant.api_key'], []]);
  });

  it('splits secrets between the device and the servers, never with an infrastructure class on the device', () => {
    const { secrets } = planMobile(valid);
    expect(secrets.device.map((s) => [s.id, s.class, s.storage_key])).toEqual([
      ['session_key', 'per_install_generated', 'session_key'],
      ['openai_key', 'user_prompt', 'OPENAI_API_KEY'],
      ['llm_key', 'remote_fetch', 'OPENROUTER_API_KEY'],
    ]);
    expect(secrets.device.find((s) => s.id === 'llm_key')?.remote).toEqual({ key: 'tally/openrouter', property: 'api_key' });
    expect(secrets.store).toEqual({ service: 'api', url: 'https://api.tally.example.com' });
    expect(secrets.server.map((s) => [s.id, s.env, s.held_by, s.fetched_as ?? null])).toEqual([
      ['openrouter.api_key', 'OPENROUTER_API_KEY', 'llm', 'llm_key'],
      ['qdrant.api_key', 'QDRANT_API_KEY', 'search', null],
    ]);
    expect(JSON.stringify(secrets)).not.toContain('infrastructure');
  });

  it('writes the Capacitor configuration from the manifest and the options, without passwords', () => {
    expect(planMobile(valid).config).toEqual({ appId: 'com.example.tally', appName: 'tally', webDir: 'ui/dist', server: { androidScheme: 'https', appStartPath: '/app.html' } });
    const m: MobileManifest = { ...valid, platforms: ['android'], web: { dir: 'www' } };
    const config = planMobile(m, { android: { releaseType: 'APK', keystoreAlias: 'k' }, ios: { scheme: 'X' } }).config;
    expect(config).toEqual({ appId: 'com.example.tally', appName: 'tally', webDir: 'www', server: { androidScheme: 'https' }, android: { buildOptions: { releaseType: 'APK', keystoreAlias: 'k' } } });
    expect(JSON.stringify(config)).not.toMatch(/password/i);
  });

  it('allows cleartext only for a loopback http service, and says so in a note', () => {
    const m: MobileManifest = { ...valid, remote_services: [...valid.remote_services, { id: 'dev', url: 'http://127.0.0.1:8080' }] };
    const plan = planMobile(m);
    expect(plan.config.server?.cleartext).toBe(true);
    expect(plan.notes.find((n) => n.feature === 'remote_services.url')?.path).toBe('/remote_services/3/url');
    expect(planMobile(valid).config.server?.cleartext).toBeUndefined();
  });

  it('reports lost and emulated semantics as data', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'dm-mobile-'));
    try {
      const { notes } = await createMobilePackager().pack(valid, ctx(outDir));
      expect(notes.map((n) => `${n.kind}:${n.feature}:${n.path ?? ''}`)).toEqual([
        'lost:app.version:/app/version',
        'emulated:config:/config',
        'lost:permissions:/permissions',
        'emulated:remote_services.health_path:/remote_services/0/health_path',
        'emulated:remote_services.required:/remote_services/0/required',
        'emulated:secrets.secure_storage:/secrets',
        'emulated:secrets.per_install_generated:/secrets/0',
        'emulated:secrets.user_prompt:/secrets/1',
        'emulated:secrets.remote_fetch:/secrets/2',
        'emulated:web.index:/web/index',
      ]);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });

  it('resolves ${id.url} placeholders into runtime-config.json', () => {
    expect(planMobile(valid).runtime.config).toEqual({ API_BASE_URL: 'https://api.tally.example.com', SEARCH_URL: 'https://search.tally.example.com/v1', THEME: 'dark' });
  });
});
