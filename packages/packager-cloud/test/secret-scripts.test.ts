import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { matchesGenerator, type GeneratorSpec } from '@deployment-manager/secrets';
import { renderComposeSecretsScript, renderKubernetesSecretsScript } from '../src/index.ts';
import { sampleManifest } from './sample.ts';

const manifest = sampleManifest();
const spec = (id: string): GeneratorSpec => manifest.secrets?.find((s) => s.id === id)?.generator as unknown as GeneratorSpec;
const root = mkdtempSync(join(tmpdir(), 'dm-cloud-scripts-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const sh = (script: string, args: string[], env: Record<string, string>, input = ''): { status: number | null; stderr: string } => {
  const r = spawnSync('sh', [script, ...args], { env: { PATH: process.env['PATH'] ?? '', ...env }, input, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
};
const envValue = (file: string, name: string): string => {
  const text = readFileSync(file, 'utf8');
  expect(text.startsWith(`${name}=`) && text.endsWith('\n')).toBe(true);
  return text.slice(name.length + 1, -1);
};

describe('install scripts', () => {
  it('are valid POSIX sh', () => {
    for (const script of [renderComposeSecretsScript(manifest), renderKubernetesSecretsScript(manifest)]) {
      const file = join(root, `syntax-${Math.random().toString(36).slice(2)}.sh`);
      writeFileSync(file, script ?? '');
      expect(() => execFileSync('sh', ['-n', file])).not.toThrow();
    }
  });

  it('compose: generates each value to its generator, takes the prompted one from the environment, names the missing remote one, and keeps values on re-runs', () => {
    const dir = join(root, 'compose');
    mkdirSync(dir);
    const script = join(dir, 'create-secrets.sh');
    writeFileSync(script, renderComposeSecretsScript(manifest) ?? '');
    const first = sh(script, [], { ADMIN_EMAIL: 'ops@example.com' });
    expect(first.status).toBe(1);
    expect(first.stderr).toContain('secret openai_api_key is kept in your secret store (key notes/openai)');
    const secrets = join(dir, 'secrets');
    expect(readdirSync(secrets).sort()).toEqual(['admin_email.env', 'db_password.env', 'jwt_signing_key', 'session_secret.env']);
    for (const f of readdirSync(secrets)) expect(statSync(join(secrets, f)).mode & 0o077).toBe(0);
    expect(matchesGenerator(spec('db_password'), envValue(join(secrets, 'db_password.env'), 'POSTGRES_PASSWORD'))).toBe(true);
    expect(matchesGenerator(spec('session_secret'), envValue(join(secrets, 'session_secret.env'), 'SESSION_SECRET'))).toBe(true);
    expect(matchesGenerator(spec('jwt_signing_key'), readFileSync(join(secrets, 'jwt_signing_key'), 'utf8'))).toBe(true);
    expect(envValue(join(secrets, 'admin_email.env'), 'ADMIN_EMAIL')).toBe('ops@example.com');

    const before = Object.fromEntries(readdirSync(secrets).map((f) => [f, readFileSync(join(secrets, f), 'utf8')]));
    writeFileSync(join(secrets, 'openai_api_key.env'), 'OPENAI_API_KEY=from-the-store\n');
    expect(sh(script, [], {}).status).toBe(0);
    for (const [f, text] of Object.entries(before)) expect(readFileSync(join(secrets, f), 'utf8')).toBe(text);
  });

  it('compose: fails without a prompted value and leaves no half-written file', () => {
    const dir = join(root, 'compose-missing');
    mkdirSync(dir);
    const script = join(dir, 'create-secrets.sh');
    writeFileSync(script, renderComposeSecretsScript(manifest) ?? '');
    const r = sh(script, [], {});
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('no value for Admin e-mail: set ADMIN_EMAIL');
    expect(existsSync(join(dir, 'secrets', 'admin_email.env'))).toBe(false);
    expect(readdirSync(join(dir, 'secrets')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('kubernetes: creates the Secret from files (never values on the command line), once', () => {
    const dir = join(root, 'kube');
    const state = join(dir, 'state');
    const bin = join(dir, 'bin');
    mkdirSync(state, { recursive: true });
    mkdirSync(bin);
    // A stand-in kubectl: records its arguments, "creates" the Secret by copying the --from-file files.
    writeFileSync(
      join(bin, 'kubectl'),
      [
        '#!/bin/sh',
        'echo "$*" >>"$KUBECTL_LOG"',
        'case "$1" in',
        '  get) [ -f "$KUBECTL_STATE/exists" ] ;;',
        '  create) for a in "$@"; do case $a in --from-file=*) kv=${a#--from-file=}; cp "${kv#*=}" "$KUBECTL_STATE/${kv%%=*}" ;; esac; done; touch "$KUBECTL_STATE/exists" ;;',
        'esac',
        '',
      ].join('\n'),
    );
    chmodSync(join(bin, 'kubectl'), 0o755);
    const script = join(dir, 'create-secrets.sh');
    writeFileSync(script, renderKubernetesSecretsScript(manifest) ?? '');
    const log = join(dir, 'kubectl.log');
    const env = { PATH: `${bin}:${process.env['PATH'] ?? ''}`, KUBECTL_LOG: log, KUBECTL_STATE: state, ADMIN_EMAIL: 'ops@example.com' };
    expect(sh(script, ['-n', 'apps'], env).status).toBe(0);
    expect(readdirSync(state).sort()).toEqual(['admin_email', 'db_password', 'exists', 'jwt_signing_key', 'session_secret']);
    expect(matchesGenerator(spec('db_password'), readFileSync(join(state, 'db_password'), 'utf8'))).toBe(true);
    expect(matchesGenerator(spec('session_secret'), readFileSync(join(state, 'session_secret'), 'utf8'))).toBe(true);
    expect(matchesGenerator(spec('jwt_signing_key'), readFileSync(join(state, 'jwt_signing_key'), 'utf8'))).toBe(true);
    expect(readFileSync(join(state, 'admin_email'), 'utf8')).toBe('ops@example.com');
    const calls = readFileSync(log, 'utf8');
    expect(calls.split('\n')[1]).toMatch(/^create secret generic notes-secrets -n apps --from-file=db_password=\S+ --from-file=jwt_signing_key=\S+ --from-file=session_secret=\S+ --from-file=admin_email=\S+$/);
    for (const f of ['db_password', 'session_secret', 'admin_email']) expect(calls).not.toContain(readFileSync(join(state, f), 'utf8'));

    const kept = readFileSync(join(state, 'db_password'), 'utf8');
    const again = sh(script, ['-n', 'apps'], env);
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('secret notes-secrets exists; its values are kept');
    expect(readFileSync(join(state, 'db_password'), 'utf8')).toBe(kept);
  });

  it('are absent when there is nothing to create', () => {
    const bare = { ...manifest, secrets: [], services: manifest.services.map((s) => ({ ...s, secrets: [] })) };
    expect(renderComposeSecretsScript(bare)).toBeUndefined();
    expect(renderKubernetesSecretsScript(bare)).toBeUndefined();
  });
});
