import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../test/run-cli.ts';

describe('deployment-manager profile', () => {
  it('create, update, history, diff, rollback, export and import round-trip through a file store', async () => {
    const store = mkdtempSync(join(tmpdir(), 'cli-profiles-'));
    const s = ['--store', store, '--json'];
    const created = await cli('profile', ['create', '--name', 'desk', '--scenario', 'notes', '--tier', 'desktop', '--swap', 'postgres=sqlite', '--set', 'version=1.0.0', ...s]);
    expect(created.code).toBe(0);
    const id = (JSON.parse(created.out) as { id: string }).id;
    expect((await cli('profile', ['update', id, '--expected-version', '1', '--tier', 'desktop', '--tier', 'saas', '--set', 'port_range={"min":47000,"max":47999}', '--note', 'add saas', ...s])).code).toBe(0);
    const stale = await cli('profile', ['update', id, '--expected-version', '1', '--set', 'version=2', ...s]);
    expect(stale.code).toBe(2);
    expect(JSON.parse(stale.out).error.code).toBe('PROFILE_CONFLICT');
    const diff = JSON.parse((await cli('profile', ['diff', id, '1', '2', ...s])).out) as { changes: { path: string; op: string }[] };
    expect(diff.changes.map((c) => `${c.op} ${c.path}`)).toEqual(['add /settings/port_range', 'replace /tiers']);
    expect((await cli('profile', ['rollback', id, '1', ...s])).code).toBe(0);
    const shown = JSON.parse((await cli('profile', ['show', id, ...s])).out) as { version: number; rollbackOf: number; content: unknown };
    const v1 = JSON.parse((await cli('profile', ['show', id, '--version', '1', ...s])).out) as { content: unknown };
    expect(shown).toMatchObject({ version: 3, rollbackOf: 1 });
    expect(shown.content).toEqual(v1.content);
    const history = JSON.parse((await cli('profile', ['history', id, ...s])).out) as { note: string }[];
    expect(history.map((h) => h.note)).toEqual(['created', 'add saas', 'rollback to version 1']);
    const file = join(store, 'export.json');
    expect((await cli('profile', ['export', id, '--out', file, ...s])).code).toBe(0);
    const other = mkdtempSync(join(tmpdir(), 'cli-profiles-'));
    expect((await cli('profile', ['import', file, '--store', other, '--json'])).code).toBe(0);
    const listed = JSON.parse((await cli('profile', ['list', '--store', other, '--json'])).out) as { id: string; version: number }[];
    expect(listed).toMatchObject([{ id, version: 3 }]);
  });

  it('rejects bad input with exit 2 and a code', async () => {
    const store = mkdtempSync(join(tmpdir(), 'cli-profiles-'));
    for (const args of [['create', '--name', 'x'], ['show', 'nope'], ['diff', 'nope', '1'], ['create', '--name', 'x', '--scenario', 's', '--tier', 'moon'], ['teleport']]) {
      const r = await cli('profile', [...args, '--store', store]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^error \[[A-Z_]+\]/);
    }
  });
});
