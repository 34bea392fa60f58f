import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { isSdkError } from '@deployment-manager/core';
import { describe, expect, it } from 'vitest';
import { profileContent } from '../test/profile-arbitraries.ts';
import { canonicalJson } from './canonical.ts';
import { createFileProfileStore } from './file-profile-store.ts';
import type { ProfileContent } from './profile.ts';
import { createMemoryProfileStore, type ProfileStore } from './profile-store.ts';

const content: ProfileContent = { name: 'desk', scenario: 'notes', tiers: ['desktop'], swaps: [{ from: 'postgres', to: 'sqlite' }], secrets: {}, settings: { version: '1.0.0' } };

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return isSdkError(e) ? e.code : 'NOT_SDK_ERROR';
  }
}

let clock = 0;
const now = (): Date => new Date(Date.UTC(2025, 0, 1) + clock++ * 1000);
const stores: Record<string, () => ProfileStore> = {
  memory: () => createMemoryProfileStore({ now }),
  file: () => createFileProfileStore(mkdtempSync(join(tmpdir(), 'profiles-')), { now }),
};

for (const [kind, make] of Object.entries(stores)) {
  describe(`${kind} profile store`, () => {
    it('creates, lists, reads and versions a profile; every change has a note', async () => {
      const store = make();
      const v1 = await store.create(content, { note: 'first' });
      expect(v1).toMatchObject({ version: 1, note: 'first', content });
      const v2 = await store.update(v1.id, { expectedVersion: 1, content: { ...content, tiers: ['desktop', 'saas'] }, note: 'add saas' });
      expect(v2.version).toBe(2);
      expect((await store.get(v1.id)).content.tiers).toEqual(['desktop', 'saas']);
      expect((await store.get(v1.id, 1)).content).toEqual(content);
      expect((await store.history(v1.id)).map((v) => [v.version, v.note])).toEqual([[1, 'first'], [2, 'add saas']]);
      expect(await store.list()).toEqual([{ id: v1.id, name: 'desk', scenario: 'notes', version: 2, updatedAt: v2.createdAt }]);
    });

    it('refuses a stale update with PROFILE_CONFLICT and loses nothing', async () => {
      const store = make();
      const v1 = await store.create(content);
      await store.update(v1.id, { expectedVersion: 1, content: { ...content, name: 'a' }, note: 'writer a' });
      expect(await codeOf(store.update(v1.id, { expectedVersion: 1, content: { ...content, name: 'b' }, note: 'writer b' }))).toBe('PROFILE_CONFLICT');
      expect((await store.history(v1.id)).map((v) => v.content.name)).toEqual(['desk', 'a']);
    });

    it('gives every created profile a unique id and honours a requested one once', async () => {
      const store = make();
      const ids = await Promise.all(Array.from({ length: 20 }, () => store.create(content).then((v) => v.id)));
      expect(new Set(ids).size).toBe(20);
      await store.create(content, { id: 'mine' });
      expect(await codeOf(store.create(content, { id: 'mine' }))).toBe('PROFILE_CONFLICT');
    });

    it('rejects bad input with codes: invalid content, secret values, bad ids, unknown profiles and versions', async () => {
      const store = make();
      expect(await codeOf(store.create({ ...content, tiers: [] }))).toBe('INVALID_ARGUMENT');
      expect(await codeOf(store.create({ ...content, secrets: { k: { value: 'hunter2' } as never } }))).toBe('INVALID_ARGUMENT');
      expect(await codeOf(store.get('../etc'))).toBe('INVALID_ARGUMENT');
      expect(await codeOf(store.get('missing'))).toBe('PROFILE_NOT_FOUND');
      const v1 = await store.create(content);
      expect(await codeOf(store.get(v1.id, 9))).toBe('PROFILE_NOT_FOUND');
      expect(await codeOf(store.rollback(v1.id, { toVersion: 9, expectedVersion: 1 }))).toBe('PROFILE_NOT_FOUND');
    });

    it('exports and imports a profile with its whole history', async () => {
      const store = make();
      const v1 = await store.create(content);
      await store.update(v1.id, { expectedVersion: 1, content: { ...content, description: 'x' }, note: 'describe' });
      const exported = await store.export(v1.id);
      expect(await codeOf(store.import(exported))).toBe('PROFILE_CONFLICT');
      const copy = await store.import(JSON.parse(JSON.stringify(exported)), { newId: true });
      expect(copy.id).not.toBe(v1.id);
      expect((await store.history(copy.id)).map((v) => ({ ...v, id: v1.id }))).toEqual(exported.versions);
      const other = make();
      await other.import(exported);
      expect(await other.export(v1.id)).toEqual(exported);
      expect(await codeOf(other.import({ ...exported, versions: [exported.versions[1]] }))).toBe('INVALID_ARGUMENT');
      expect(await codeOf(other.import({ format: 'nope' }))).toBe('INVALID_ARGUMENT');
    });

    test.prop([fc.array(profileContent, { minLength: 1, maxLength: 5 }), fc.nat()], { numRuns: kind === 'file' ? 25 : 100 })(
      'rollback to version k makes a new version equal to version k, every field included',
      async (contents, pick) => {
        const store = make();
        const [first, ...rest] = contents as [ProfileContent, ...ProfileContent[]];
        const v1 = await store.create(first);
        for (const [i, c] of rest.entries()) await store.update(v1.id, { expectedVersion: i + 1, content: c, note: `change ${i}` });
        const k = (pick % contents.length) + 1;
        const rolled = await store.rollback(v1.id, { toVersion: k, expectedVersion: contents.length });
        expect(rolled).toMatchObject({ version: contents.length + 1, rollbackOf: k, note: `rollback to version ${k}` });
        expect((await store.get(v1.id)).content).toStrictEqual(contents[k - 1]);
      },
    );
  });
}

describe('file profile store on disk', () => {
  it('writes one canonical JSON file per version and ignores temp files left by crashes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'profiles-'));
    const store = createFileProfileStore(dir, { now });
    const v1 = await store.create(content);
    const file = join(dir, v1.id, 'v000001.json');
    expect(readFileSync(file, 'utf8')).toBe(canonicalJson(v1) + '\n');
    writeFileSync(join(dir, v1.id, '.tmp-crashed'), '{"half":');
    expect(await store.history(v1.id)).toEqual([v1]);
    await store.update(v1.id, { expectedVersion: 1, content, note: 'again' });
    expect(readdirSync(join(dir, v1.id)).sort()).toEqual(['.tmp-crashed', 'v000001.json', 'v000002.json']);
  });

  it('reports a corrupted or missing version with PROFILE_STORE_FAILED instead of guessing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'profiles-'));
    const store = createFileProfileStore(dir, { now });
    const v1 = await store.create(content);
    writeFileSync(join(dir, v1.id, 'v000003.json'), readFileSync(join(dir, v1.id, 'v000001.json')));
    expect(await codeOf(store.get(v1.id))).toBe('PROFILE_STORE_FAILED');
    writeFileSync(join(dir, v1.id, 'v000002.json'), '{"broken"');
    expect(await codeOf(store.history(v1.id))).toBe('PROFILE_STORE_FAILED');
  });

  it('lists nothing for a store directory that does not exist yet', async () => {
    expect(await createFileProfileStore(join(tmpdir(), 'never-created-' + process.pid)).list()).toEqual([]);
  });
});
