import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkComposeSemantics, validateComposeSchema } from '@deployment-manager/packager-cloud';
import { exampleCloudApp, packagerContractSuite } from '@deployment-manager/testkit';
import { describe, expect, it } from 'vitest';
import { createVpsPackager } from '../src/packager.ts';
import { hostCompose } from '../src/host-compose.ts';
import { renderComposeHost } from '../src/render-host.ts';

const { manifest } = exampleCloudApp();
const invalid = { ...manifest, services: manifest.services.map((s) => (s.id === 'api' ? { ...s, dependencies: ['no-such-service'] } : s)) };
const production = { name: 'production' };
const fileOf = (path: string): string => renderComposeHost(manifest, { environment: production }).files.find((f) => f.path === path)?.content ?? '';

describe('renderComposeHost', () => {
  it('renders the compose host set for the environment', () => {
    expect(renderComposeHost(manifest, { environment: production }).files.map((f) => f.path)).toEqual(['Caddyfile', 'compose.production.yaml', 'deploy.sh', 'recipe-hub-production.service', 'smoke.sh']);
  });

  it('never puts a secret into deploy.sh: supplied ones are read by name, generated ones made on the host', () => {
    const deploy = fileOf('deploy.sh');
    expect(deploy).toContain("upload_secret 'secrets/openai.api_key.env' 'OPENAI_API_KEY' 'OPENAI_API_KEY'");
    expect(deploy).toContain("generate 'secrets/postgres.password.env' 'POSTGRES_PASSWORD' ");
    expect(deploy).toMatch(/Missing ENV: \$1/);
  });

  it('copies the one Compose file to the host and runs it by absolute path from deploy.sh and the systemd unit', () => {
    const deploy = fileOf('deploy.sh');
    const args = "'-p' 'recipe-hub-production' '--project-directory' '/opt/recipe-hub-production' '-f' '/opt/recipe-hub-production/compose.production.yaml'";
    expect(deploy).toContain(`dc() { docker compose ${args} "$@"; }`);
    expect(deploy).toContain(`rsync -az "$HERE"/'compose.production.yaml' "$HERE/Caddyfile"`);
    expect(deploy).not.toMatch(/COMPOSE_DIR|cloud\/compose|ignore-buildable/);
    // qdrant reads its api key under its own name: deploy.sh writes that copy too.
    expect(deploy).toContain("alias_env 'secrets/qdrant.api_key.env' 'secrets/qdrant.api_key.QDRANT__SERVICE__API_KEY.env' 'QDRANT__SERVICE__API_KEY'");
    const unit = fileOf('recipe-hub-production.service');
    expect(unit).toContain('ExecStart=/usr/bin/docker compose -p recipe-hub-production --project-directory /opt/recipe-hub-production -f /opt/recipe-hub-production/compose.production.yaml up -d --remove-orphans');
  });

  it('renders a host Compose file the Compose Specification schema (what Compose v2 validates against) and the semantic checks accept', () => {
    const compose = hostCompose(manifest, 'production');
    expect([...validateComposeSchema(compose, 'bundled'), ...checkComposeSemantics(compose)]).toEqual([]);
  });

  it('renders scripts bash can parse', () => {
    for (const f of renderComposeHost(manifest).files.filter((x) => x.path.endsWith('.sh'))) {
      const r = spawnSync('bash', ['-n'], { input: f.content, encoding: 'utf8' });
      expect({ file: f.path, stderr: r.stderr }).toEqual({ file: f.path, stderr: '' });
    }
  });
});

describe('createVpsPackager', () => {
  it('writes executable scripts and reports what a single host loses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-vps-'));
    try {
      const result = await createVpsPackager().pack(manifest, { outDir: dir, log: () => undefined, signal: new AbortController().signal });
      expect(statSync(join(dir, 'deploy.sh')).mode & 0o111).not.toBe(0);
      expect(readFileSync(join(dir, 'Caddyfile'), 'utf8')).toContain('reverse_proxy "api:8080"');
      expect(result.notes.map((n) => `${n.kind}:${n.feature}`)).toEqual(['lost:high-availability', 'emulated:ingress']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

});

packagerContractSuite('vps', { create: () => createVpsPackager(), validBundle: manifest, invalidBundle: invalid });
