import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import { loadWorkspace } from '../src/index.ts';
import { hostileJsonText } from './arbitraries.ts';

// One workspace on disk whose `victim` files are rewritten with garbage on every
// run; the healthy scenario and resource must load the same way each time.
const root = mkdtempSync(join(tmpdir(), 'dm-core-garbage-'));
const write = (rel: string, text: string): void => {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
};
write('scenarios/healthy/.vrooli/service.json', JSON.stringify({ dependencies: { resources: { postgres: { enabled: true, required: true } }, scenarios: { victim: {} } } }));
write('resources/postgres/config/runtime.json', JSON.stringify({ startup_order: 1000, dependencies: [] }));

const garbage = fc.oneof(
  hostileJsonText,
  fc.string({ maxLength: 80 }),
  fc.uint8Array({ maxLength: 80 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  fc.constantFrom('', '{', '\uFEFF{}', 'null', '[]', '{"dependencies": {"resources": {"x": '),
);

describe('loadWorkspace with a garbage file', () => {
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test.prop([garbage, garbage], { numRuns: 40 })('still loads every other file, and never throws', (serviceText, runtimeText) => {
    write('scenarios/victim/.vrooli/service.json', serviceText);
    write('resources/victim-db/config/runtime.json', runtimeText);
    const ws = loadWorkspace(root);
    expect(ws.scenarios.get('healthy')?.dependencies.map((d) => `${d.kind}:${d.name}`)).toEqual(['resource:postgres', 'scenario:victim']);
    expect(ws.resources.get('postgres')?.startupOrder).toBe(1000);
    for (const d of ws.diagnostics) expect(d.file === undefined || !d.file.includes('healthy')).toBe(true);
  });
});
