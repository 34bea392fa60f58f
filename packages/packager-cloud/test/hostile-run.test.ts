import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { isSdkError } from '@deployment-manager/core';
import { HAS_SHELLCHECK, asWritten, holdsNul, hostileMaps, replaceStrings, runScriptsStubbed, shellSyntaxErrors, shellcheckFindings } from '@deployment-manager/testkit';
import { describe, expect, it } from 'vitest';
import { secretKey } from '../src/names.ts';
import { promptVariable, renderComposeSecretsScript, renderKubernetesSecretsScript } from '../src/secret-scripts.ts';
import { sampleManifest } from './sample.ts';

/*
 * create-secrets.sh (Compose and Kubernetes) rendered from hostile manifests
 * (every user-controlled string replaced, NUL included), in batches: 1,000
 * of each parse with sh -n, 100 of each pass shellcheck, and 100 of each run
 * with kubectl and openssl stubbed (tr, head, mv, sed are real): no injected
 * command leaves its marker file, the Compose script writes exactly the
 * planned files under secrets/, and kubectl gets exactly the planned words.
 */

type Manifest = ReturnType<typeof sampleManifest>;
// The database password is also read by the api under a name of its own, so the alias copy (a sed program) is exercised.
const base = sampleManifest();
const manifest: Manifest = { ...base, secrets: (base.secrets ?? []).map((s) => (s.id === 'db_password' ? { ...s, service_env: { api: 'DB_PASS' } } : s)) };
// Environment variable names stay as they are (the sed program that copies a line under its alias holds them; hostile ones are refused, tested below).
const keep = (s: string): boolean => /^[A-Z_][A-Z0-9_]*$/.test(s);
const maps = hostileMaps(manifest, keep);
const both = (m: Manifest): [string, string] => [renderComposeSecretsScript(m) ?? '', renderKubernetesSecretsScript(m) ?? ''];

/** The manifests of a batch with their two scripts; a manifest whose render is refused must hold a NUL, and is left out. */
function rendered(batch: readonly { hostile: Map<string, string> }[]): { m: Manifest; compose: string; kubernetes: string }[] {
  const out: { m: Manifest; compose: string; kubernetes: string }[] = [];
  for (const { hostile } of batch) {
    const m = replaceStrings(manifest, hostile);
    try {
      const [compose, kubernetes] = both(m);
      out.push({ m, compose, kubernetes });
    } catch (error) {
      expect(isSdkError(error, 'EMIT_VALUE_INVALID')).toBe(true);
      expect(holdsNul(hostile.values())).toBe(true);
    }
  }
  return out;
}

const STUBS: Record<string, string> = {
  openssl: "printf 'stub-key\\n'",
  stty: '',
  // `kubectl get` finds no Secret, so the script creates one.
  kubectl: '[ "$1" = get ] && exit 1; exit 0',
};

describe('create-secrets.sh from hostile manifests, in batches', () => {
  test.prop([fc.array(maps, { minLength: 100, maxLength: 100 })], { numRuns: 10, endOnFailure: true })('both parse with sh -n (1,000 of each, one sh per 200)', (batch) => {
    expect(shellSyntaxErrors(rendered(batch).flatMap((r) => [r.compose, r.kubernetes]))).toEqual([]);
  }, 180_000);

  describe.skipIf(!HAS_SHELLCHECK)('shellcheck (skipped: shellcheck is not on PATH)', () => {
    test.prop([fc.array(maps, { minLength: 50, maxLength: 50 })], { numRuns: 2, endOnFailure: true })('both pass shellcheck (100 of each)', (batch) => {
    expect(shellcheckFindings(rendered(batch).flatMap((r) => [r.compose, r.kubernetes]))).toEqual([]);
  }, 180_000);
  });

  test.prop([fc.array(maps, { minLength: 25, maxLength: 25 })], { numRuns: 4, endOnFailure: true })('run with kubectl and openssl stubbed: no injected command runs, the files and kubectl words are the planned ones (100 of each)', (batch) => {
    const cases = rendered(batch);
    const env = (m: Manifest): Record<string, string> => Object.fromEntries((m.secrets ?? []).filter((s) => s.class === 'user_prompt').map((s) => [promptVariable(s), 'prompted-value']));
    const { results, cleanup } = runScriptsStubbed(
      cases.flatMap(({ m, compose, kubernetes }) => [
        { script: compose, env: env(m) },
        { script: kubernetes, env: env(m), args: ['-n', 'apps'] },
      ]),
      { shell: 'sh', stubs: STUBS },
    );
    try {
      cases.forEach(({ m }, i) => {
        const [compose, kubernetes] = [results[2 * i], results[2 * i + 1]];
        expect(compose?.markers).toEqual([]);
        expect(kubernetes?.markers).toEqual([]);
        const secrets = m.secrets ?? [];
        const local = secrets.filter((s) => s.class !== 'remote_fetch');
        // Compose: one file per generated or prompted secret (and the alias copy), named by its key; a remote one is named as missing (exit 1).
        const files = new Set([
          ...local.map((s) => `${secretKey(s.id)}${s.target.type === 'env' ? '.env' : ''}`),
          ...local.flatMap((s) => Object.values(s.service_env ?? {}).map((alias) => `${secretKey(s.id)}.${alias}.env`)),
        ]);
        expect(new Set(readdirSync(join(compose?.dir ?? '', 'secrets')).map(asWritten))).toEqual(new Set([...files].map(asWritten)));
        // (A hostile id can share its key with another's - validation refuses that, CLOUD_SECRET_KEY_COLLISION - and then its file is there.)
        const missing = secrets.some((s) => s.class === 'remote_fetch' && !files.has(`${secretKey(s.id)}${s.target.type === 'env' ? '.env' : ''}`));
        expect(compose?.status).toBe(missing ? 123 : 0);
        // Kubernetes: get, create with one --from-file per local secret, label - each with the arguments given.
        const name = asWritten(`${m.app.name}-secrets`);
        const calls = (kubernetes?.calls ?? []).filter((c) => c[0] === 'kubectl');
        expect(calls.map((c) => c.slice(0, 4))).toEqual([['kubectl', 'get', 'secret', name], ['kubectl', 'create', 'secret', 'generic'], ['kubectl', 'label', 'secret', name]]);
        const fromFiles = (calls[1] ?? []).filter((w) => w.startsWith('--from-file='));
        expect(fromFiles.map((w) => w.slice(0, w.lastIndexOf('=/')))).toEqual(local.map((s) => asWritten(`--from-file=${secretKey(s.id)}`)));
        expect(calls[2]).toEqual(['kubectl', 'label', 'secret', name, '-n', 'apps', asWritten(`app.kubernetes.io/name=${m.app.name}`), 'app.kubernetes.io/managed-by=deployment-manager']);
        expect(kubernetes?.status).toBe(0);
      });
    } finally {
      cleanup();
    }
  }, 180_000);
});

describe('the alias copy of a secret line', () => {
  it.each([
    ['an alias that is not a variable name', { service_env: { api: '../../x' } }],
    ['a target name that is not a variable name', { service_env: { api: 'DB_PASS' }, target: { type: 'env', name: 'A=/;e touch INJECTED;s/x' } }],
  ])('refuses %s with EMIT_VALUE_INVALID: it would be part of a sed program and a file name', (_, edit) => {
    const m = { ...manifest, secrets: (manifest.secrets ?? []).map((s) => (s.id === 'db_password' ? { ...s, ...edit } : s)) } as Manifest;
    expect(() => renderComposeSecretsScript(m)).toThrow(expect.toSatisfy((e: unknown) => isSdkError(e, 'EMIT_VALUE_INVALID')));
  });
});
