// Property: no generated or provided secret value appears in any plan, rendering,
// diagnostic, result or error message, for arbitrary graphs, tiers and values.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { TIERS, createGraph, nodeId, type EdgeInput } from '@deployment-manager/core';
import {
  assertNoSecretValues,
  checkProvidedValue,
  createFileSecretStore,
  createMemorySecretStore,
  materializeSecrets,
  planSecrets,
  publicKeyFromPrivate,
  redact,
  renderEnvTemplate,
  renderKubernetesSecrets,
  validatePlan,
  type SecretClass,
} from '../src/index.ts';
import { scenarioSpec } from './fixtures.ts';

const RESOURCES = ['postgres', 'redis', 'minio', 'n8n', 'huginn', 'qdrant', 'ollama', 'openai', 'anthropic', 'claude-code', 'browserless', 'sqlite', 'vault', 'acme-db', 'mystery'];
const DECLARED = ['JWT_SECRET', 'SESSION_SECRET', 'ACME_API_KEY', 'POSTGRES_PASSWORD', 'OPENAI_API_KEY', 'WEIRD_THING'];
const ENV = ['GITHUB_TOKEN', 'DB_PASSWORD', 'STRIPE_API_KEY', 'API_PORT', 'ENCRYPTION_KEY'];
const CLASSES: readonly SecretClass[] = ['infrastructure', 'per_install_generated', 'user_prompt', 'remote_fetch'];

// Values look like real secrets; 16+ characters so they cannot occur in output by chance.
const secretValue = fc.stringMatching(/^[A-Za-z0-9+/_.~-]{16,48}$/).filter((v) => new Set(v).size >= 6);

const dir = mkdtempSync(join(tmpdir(), 'dm-no-leak-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let run = 0;

// What an error says, down its cause chain: its text (name and message), its JSON (code, hint,
// details) - everything the SDK or a library it called put into it. Not the stack's frames: those
// are this file's and fast-check's code locations, where a random value like `roperty.` matches
// `fc.property.` by chance (the frames add nothing a message does not already carry).
const errorText = (e: unknown): string => {
  const parts: string[] = [];
  for (let err: unknown = e, depth = 0; err !== undefined && err !== null && depth < 5; depth++) {
    parts.push(String(err), JSON.stringify(err) ?? '');
    err = (err as { cause?: unknown }).cause;
  }
  return parts.join('\n');
};
const capture = async (f: () => unknown): Promise<string> => {
  try {
    await f();
    return '';
  } catch (e) {
    return errorText(e);
  }
};

describe('no secret value leaks', () => {
  test.prop(
    [
      fc.uniqueArray(fc.constantFrom(...RESOURCES), { maxLength: 8 }),
      fc.uniqueArray(fc.constantFrom(...DECLARED), { maxLength: 4 }),
      fc.uniqueArray(fc.constantFrom(...ENV), { maxLength: 4 }),
      fc.constantFrom(...TIERS),
      fc.array(fc.tuple(fc.constantFrom('app.ACME_API_KEY', 'app.WEIRD_THING', 'qdrant.api_key', 'postgres.password', 'app.GITHUB_TOKEN'), fc.constantFrom(...CLASSES)), { maxLength: 3 }),
      fc.array(secretValue, { minLength: 1, maxLength: 6 }),
    ],
    { numRuns: 120 },
  )('in plans, renderings, diagnostics, results and errors', async (resources, declared, envNames, tier, pins, provided) => {
    const root = nodeId('scenario', 'app');
    const edges: EdgeInput[] = resources.map((name, i) => ({ from: root, to: nodeId('resource', name), required: i % 2 === 0 }));
    const graph = createGraph({ root, edges });
    const spec = scenarioSpec('app', declared.map((name) => ({ name })), envNames);
    const overrides = { secrets: pins.map(([id, cls]) => ({ id, class: cls })) };
    const plan = planSecrets(graph, { tier, scenario: spec, overrides });

    // Values enter through the store (earlier runs, answers to prompts) and the generator.
    const ids = plan.secrets.map((s) => s.id);
    const initial: Record<string, string> = {};
    provided.forEach((v, i) => {
      initial[ids[i % Math.max(1, ids.length)] ?? `extra.${i}`] = v;
    });
    const store = createMemorySecretStore(initial);
    const materialized = await materializeSecrets(plan, store, { rotate: ids.filter((_, i) => i % 3 === 0) });
    const values = [...provided];
    for (const id of await store.ids()) values.push((await store.get(id)) as string);

    const plan2 = planSecrets(graph, { tier, scenario: spec, overrides });
    const outputs: unknown[] = [plan, plan2, materialized, validatePlan(plan), renderEnvTemplate(plan), renderKubernetesSecrets(plan, { appName: 'app', namespace: 'ns' })];
    for (const s of plan.secrets) for (const v of values) outputs.push(checkProvidedValue(s, v), checkProvidedValue(s, `${v}\n${v}`));

    // Error paths that see values.
    const errors: string[] = [];
    for (const v of values.slice(0, 3)) {
      errors.push(await capture(() => store.set('', v)));
      errors.push(await capture(() => store.set('bad\nid', v)));
      errors.push(await capture(() => publicKeyFromPrivate(v)));
      errors.push(await capture(() => assertNoSecretValues({ 'log.txt': `connecting with ${v}` }, [v])));
    }
    const file = join(dir, `store-${run++}.json`);
    const fileStore = createFileSecretStore(file);
    for (const [i, v] of values.slice(0, 3).entries()) await fileStore.set(`k${i}`, v);
    writeFileSync(file, `{"version":1,"secrets":{"k0":"${values[0] ?? ''}",`);
    errors.push(await capture(() => fileStore.get('k0')));
    // A value pasted as the whole file: JSON.parse quotes the start of its input in its message.
    writeFileSync(file, values[0] ?? '');
    errors.push(await capture(() => fileStore.get('k0')));
    writeFileSync(file, JSON.stringify({ version: 2, secrets: { k0: values[0] } }));
    errors.push(await capture(() => fileStore.ids()));

    const everything = JSON.stringify(outputs) + outputs.map(String).join('\n') + errors.join('\n') + redact(`user=${values.join(' pw=')}`, values);
    for (const v of values) expect(everything.includes(v), 'a secret value leaked').toBe(false);
    // Errors must not quote even a part of a value (parsers quote 10-character snippets).
    const errorBlob = errors.join('\n');
    for (const v of values) for (let i = 0; i + 8 <= v.length; i++) expect(errorBlob.includes(v.slice(i, i + 8)), 'part of a secret value leaked into an error').toBe(false);
    // The checks above really saw the values: the redacted log line had them.
    expect(errors.some((e) => e.includes('SECRET_LEAK'))).toBe(true);
  });
});
