import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isSdkError } from '@deployment-manager/core';
import { startBundle } from '../src/start-bundle.ts';
import type { RuntimeEvent } from '../src/types.ts';
import { FAST, createTestBundle, type TestBundle } from './bundle-fixture.ts';

const fixtures: TestBundle[] = [];
afterEach(() => fixtures.splice(0).forEach((f) => f.cleanup()));

describe('migrations', () => {
  it('stop start-up when one fails, run again on the next start, and never run twice once applied', async () => {
    const fixture = createTestBundle([
      { id: 'db' },
      {
        id: 'api',
        dependencies: ['db'],
        migrations: [
          { version: '001', command: ['./migrate.mjs', 'api', '001'] },
          { version: '002', command: ['./migrate.mjs', 'api', '002'] },
          { version: 'seed', command: ['./migrate.mjs', 'api', 'seed'], run_on: 'first_install' },
          { version: 'vacuum', command: ['./migrate.mjs', 'api', 'vacuum'], run_on: 'always' },
        ],
        env: { MIGRATION_LOG: '${data}/migrations.log', FAIL_FLAG: '${data}/fail' },
        data_dirs: ['data'],
      },
    ]);
    fixtures.push(fixture);
    const log = join(fixture.appData, 'data', 'migrations.log');
    const flag = join(fixture.appData, 'data', 'fail');
    // 1. 001 succeeds, 002 fails: start-up stops before api starts, with the reason.
    const first = await startBundle(fixture.dir, { ...FAST, appData: fixture.appData });
    await first.stop();
    writeFileSync(log, '');
    const events: RuntimeEvent[] = [];
    const failing = fixture.manifest.services[1]!;
    fixture.write({ ...fixture.manifest, services: [fixture.manifest.services[0]!, { ...failing, migrations: [...(failing.migrations ?? []), { version: '003', command: ['./migrate.mjs', 'api', '003'] }] }] });
    writeFileSync(flag, '003');
    const error = await startBundle(fixture.dir, { ...FAST, appData: fixture.appData, onEvent: (e) => events.push(e) }).catch((e: unknown) => e);
    expect(isSdkError(error, 'MIGRATION_FAILED')).toBe(true);
    expect((error as Error).message).toContain('migration 003 of service "api" failed: exited with code 3');
    expect(events.some((e) => e.type === 'spawn' && e.service === 'api')).toBe(false);
    expect(events.find((e) => e.type === 'migration' && e.details?.['status'] === 'failed')?.details).toMatchObject({ version: '003' });
    // 2. Fixed: 003 runs again and succeeds; 001, 002 and the first-install seed never run again; vacuum runs every start.
    rmSync(flag);
    const second = await startBundle(fixture.dir, { ...FAST, appData: fixture.appData });
    await second.stop();
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['api vacuum', 'api 003', 'api vacuum', 'api 003']);
  });

  it('run first_install migrations only on an install that was never ready', async () => {
    const fixture = createTestBundle([{ id: 'api', env: { MIGRATION_LOG: '${data}/m.log' }, data_dirs: ['data'] }]);
    fixtures.push(fixture);
    await (await startBundle(fixture.dir, { ...FAST, appData: fixture.appData })).stop();
    fixture.write({ ...fixture.manifest, services: [{ ...fixture.manifest.services[0]!, migrations: [{ version: 'seed', command: ['./migrate.mjs', 'api', 'seed'], run_on: 'first_install' }] }] });
    const events: RuntimeEvent[] = [];
    await (await startBundle(fixture.dir, { ...FAST, appData: fixture.appData, onEvent: (e) => events.push(e) })).stop();
    expect(existsSync(join(fixture.appData, 'data', 'm.log'))).toBe(false);
    expect(events.find((e) => e.type === 'migration')?.details).toMatchObject({ version: 'seed', status: 'skipped' });
  });
});
