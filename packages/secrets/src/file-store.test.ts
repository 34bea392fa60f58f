import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSdkError } from '@deployment-manager/core';
import { createFileSecretStore } from './file-store.ts';
import { materializeSecrets } from './materialize.ts';
import { planSecrets } from './plan.ts';
import { createMemorySecretStore } from './store.ts';
import { PICKER_WHEEL, pickerWheelGraph, swapResource } from '../test/fixtures.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-secrets-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const desktopPlan = () => planSecrets(swapResource(pickerWheelGraph(), 'postgres', 'sqlite'), { tier: 'desktop', scenario: PICKER_WHEEL });

describe('createFileSecretStore', () => {
  it('stores values in a 0600 file, atomically, leaving no temp files', async () => {
    const path = join(dir, 'nested', 'secrets.json');
    const store = createFileSecretStore(path);
    expect(await store.get('a')).toBeUndefined();
    await store.set('b', 'value-b');
    await store.set('a', 'value-a');
    expect(await store.get('a')).toBe('value-a');
    expect(await store.ids()).toEqual(['a', 'b']);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['secrets.json']);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ version: 1, secrets: { a: 'value-a', b: 'value-b' } });
    expect(await store.delete('a')).toBe(true);
    expect(await store.delete('a')).toBe(false);
    expect(await createFileSecretStore(path).ids()).toEqual(['b']);
  });

  it('tightens a file that was readable by others when it rewrites it', async () => {
    const path = join(dir, 'secrets.json');
    writeFileSync(path, JSON.stringify({ version: 1, secrets: {} }));
    chmodSync(path, 0o644);
    await createFileSecretStore(path).set('x', 'value-x');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('serializes concurrent writes from one store', async () => {
    const store = createFileSecretStore(join(dir, 's.json'));
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.set(`k${String(i).padStart(2, '0')}`, `v${i}`)));
    expect(await store.ids()).toHaveLength(20);
  });

  it('fails with SECRET_STORE_FAILED on a corrupt file, without quoting its content', async () => {
    const path = join(dir, 'secrets.json');
    const secret = 'hunter2-super-secret-value';
    writeFileSync(path, `{"version":1,"secrets":{"a":"${secret}",}`);
    const error = await createFileSecretStore(path).get('a').catch((e: unknown) => e);
    expect(isSdkError(error, 'SECRET_STORE_FAILED')).toBe(true);
    const text = JSON.stringify(error) + String(error) + String((error as Error).stack) + String((error as Error).cause);
    expect(text).not.toContain(secret);
  });

  it('rejects a file of another shape', async () => {
    const path = join(dir, 'secrets.json');
    writeFileSync(path, JSON.stringify({ version: 1, secrets: { a: 1 } }));
    await expect(createFileSecretStore(path).ids()).rejects.toMatchObject({ code: 'SECRET_STORE_FAILED' });
  });

  it('fails with SECRET_STORE_FAILED when it cannot write', async () => {
    const blocker = join(dir, 'file');
    writeFileSync(blocker, 'x');
    await expect(createFileSecretStore(join(blocker, 'secrets.json')).set('a', 'value')).rejects.toMatchObject({ code: 'SECRET_STORE_FAILED' });
  });

  it('rejects bad ids and empty values with INVALID_ARGUMENT', async () => {
    const store = createFileSecretStore(join(dir, 's.json'));
    await expect(store.set('', 'v')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(store.set('a', '')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(createMemorySecretStore().get('bad\nid')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('materializeSecrets', () => {
  it('generates missing values once; a second planning run keeps the file byte for byte', async () => {
    const path = join(dir, 'secrets.json');
    const first = await materializeSecrets(desktopPlan(), createFileSecretStore(path));
    expect(first.generated).toEqual(['n8n.api_key', 'n8n.encryption_key', 'n8n.webhook_secret', 'qdrant.api_key']);
    expect(first.reused).toEqual([]);
    const bytes = readFileSync(path);
    const second = await materializeSecrets(desktopPlan(), createFileSecretStore(path));
    expect(second.generated).toEqual([]);
    expect(second.reused).toEqual(first.generated);
    expect(second.mismatched).toEqual([]);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('only touches per_install_generated secrets', async () => {
    const store = createMemorySecretStore();
    const plan = planSecrets(pickerWheelGraph(), { tier: 'desktop', scenario: PICKER_WHEEL });
    await materializeSecrets(plan, store);
    expect(await store.ids()).toEqual(['n8n.api_key', 'n8n.encryption_key', 'n8n.webhook_secret', 'qdrant.api_key']);
  });

  it('keeps a stored value of another shape (reported, not rotated) and rotates only on request', async () => {
    const store = createMemorySecretStore({ 'qdrant.api_key': 'old-short-key' });
    const kept = await materializeSecrets(desktopPlan(), store);
    expect(kept.mismatched).toEqual(['qdrant.api_key']);
    expect(await store.get('qdrant.api_key')).toBe('old-short-key');
    const rotated = await materializeSecrets(desktopPlan(), store, { rotate: ['qdrant.api_key'] });
    expect(rotated.generated).toEqual(['qdrant.api_key']);
    expect(await store.get('qdrant.api_key')).toMatch(/^[A-Za-z0-9]{40}$/);
  });
});
