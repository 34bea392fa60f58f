import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packagerContractSuite } from '@deployment-manager/testkit';
import { createSystemdPackager, type ServiceBundle } from '../src/systemd-packager.ts';

const valid: ServiceBundle = { app: 'demo', services: [{ id: 'db', command: '/bin/db' }, { id: 'api', command: '/bin/api', port: 8080, after: ['db'], healthPath: '/health' }] };
const invalid: ServiceBundle = { app: 'demo', services: [{ id: 'API!', command: '/bin/api', after: ['ghost'] }] };

packagerContractSuite('example systemd packager', { create: () => createSystemdPackager(), validBundle: valid, invalidBundle: invalid });

describe('custom packager example main.ts', () => {
  it('prints three units and the lost health-check note', () => {
    const out = mkdtempSync(join(tmpdir(), 'dm-example-'));
    try {
      const root = fileURLToPath(new URL('../../../', import.meta.url));
      const text = execFileSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'examples/custom-packager/src/main.ts'), out], { cwd: root, encoding: 'utf8' });
      expect(text).toContain('systemd: 3 artifacts');
      expect(text).toMatch(/recipe-hub-api\.service +\d+ B/);
      expect(text).toContain('note (lost) health');
      const unit = readFileSync(join(out, 'systemd', 'recipe-hub-api.service'), 'utf8');
      expect(unit).toContain('After=recipe-hub-db.service');
      expect(unit).toContain('User=recipe');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
