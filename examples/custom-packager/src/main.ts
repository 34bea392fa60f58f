// Example (c): write a packager of your own against the core contract and run it
// with runPackagers, exactly like the built-in desktop/cloud/mobile packagers.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPackagers } from '@deployment-manager/core';
import { createSystemdPackager, type ServiceBundle } from './systemd-packager.ts';

const bundle: ServiceBundle = {
  app: 'recipe-hub',
  services: [
    { id: 'db', command: '/usr/lib/postgresql/15/bin/postgres -D /var/lib/recipe-hub/db' },
    { id: 'api', command: '/opt/recipe-hub/recipe-hub-api', port: 15080, after: ['db'], healthPath: '/health' },
    { id: 'ui', command: '/opt/recipe-hub/serve-ui', port: 35080, after: ['api'] },
  ],
};

const outDir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'systemd-example-'));
const runs = await runPackagers([createSystemdPackager({ user: 'recipe' })], bundle, { outDir });
for (const run of runs) {
  if (run.status === 'refused') {
    console.log(`${run.packager}: refused (${run.issues.map((i) => i.code).join(', ')})`);
    continue;
  }
  console.log(`${run.packager}: ${run.result.artifacts.length} artifacts in ${join(outDir, run.packager)}`);
  for (const a of run.result.artifacts) console.log(`  ${a.path}  ${a.bytes} B  sha256:${a.sha256.slice(0, 12)}`);
  for (const n of run.result.notes) console.log(`  note (${n.kind}) ${n.feature}: ${n.message}`);
}
