import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { migrationAction, type MigrationState } from './migrations.ts';

const runOns = fc.option(fc.constantFrom('always', 'first_install', 'upgrade'), { nil: undefined });

describe('migrationAction', () => {
  test.prop([runOns, fc.boolean(), fc.boolean()])('runs always-migrations every time and others at most once', (runOn, applied, installed) => {
    const state: MigrationState = { version: 1, applied: applied ? { api: { '1': 'x' } } : {}, ...(installed ? { installed_version: '1.0.0' } : {}) };
    const action = migrationAction(state, 'api', { version: '1', command: ['m'], ...(runOn === undefined ? {} : { run_on: runOn }) });
    if (runOn === 'always') expect(action).toBe('run');
    else if (applied) expect(action).toBe('done');
    else if (runOn === 'first_install' && installed) expect(action).toBe('skip');
    else expect(action).toBe('run');
  });
});
