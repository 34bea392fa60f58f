/*
 * Secret injection: every secret of the manifest gets a value from the
 * install's 0600 store (secrets package file store), generated there once for
 * `per_install_generated` (secrets package generator), asked once through the
 * prompt callback for `user_prompt`; then it is delivered as an environment
 * variable of the services that list it, or as a 0600 file under the app data
 * directory. Values never leave this module except into those targets and
 * the redaction list.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DesktopManifest, ManifestSecret } from '@deployment-manager/bundle';
import { SdkError } from '@deployment-manager/core';
import { createFileSecretStore, generateSecret, isValidFormat, type GeneratorSpec } from '@deployment-manager/secrets';
import { insideDir } from './service-command.ts';
import type { SecretPromptRequest } from './types.ts';

/** What happened to one secret (ids only). */
interface SecretOutcome {
  /** Secret id. */
  readonly id: string;
  /** `generated` now, `reused` from the store, `prompted` now, `skipped` (optional, no value). */
  readonly action: 'generated' | 'reused' | 'prompted' | 'skipped';
}

/** Secrets ready for delivery. */
export interface InjectedSecrets {
  /** Environment variables per service id. */
  readonly env: ReadonlyMap<string, Readonly<Record<string, string>>>;
  /** Every value, for redaction. */
  readonly values: readonly string[];
  /** What happened, per secret. */
  readonly outcomes: readonly SecretOutcome[];
}

/** Options of {@link injectSecrets}. */
export interface InjectSecretsOptions {
  /** The 0600 store file. */
  readonly storePath: string;
  /** App data directory (file targets are written under it). */
  readonly appData: string;
  /** Asks for a user-prompt secret. */
  readonly prompt?: (secret: SecretPromptRequest) => Promise<string | undefined>;
}

const isRequired = (s: ManifestSecret): boolean => s.required !== false;

function checkValue(secret: ManifestSecret, value: string): void {
  if (value.length === 0 || (secret.format !== undefined && isValidFormat(secret.format) && !new RegExp(secret.format).test(value))) {
    throw new SdkError('SECRET_MISSING', `the value given for secret "${secret.id}" does not match its format ${secret.format ?? '(non-empty)'}`, {
      hint: secret.prompt?.hint ?? 'check that the whole value was entered',
      details: { id: secret.id },
    });
  }
  if (secret.target.type === 'env' && /[\r\n\u0000]/.test(value)) {
    throw new SdkError('SECRET_MISSING', `the value of secret "${secret.id}" spans several lines but goes to an environment variable`, { hint: 'use a file target for multi-line values', details: { id: secret.id } });
  }
}

async function obtain(secret: ManifestSecret, stored: string | undefined, options: InjectSecretsOptions): Promise<{ value: string | undefined; action: SecretOutcome['action'] }> {
  if (stored !== undefined) return { value: stored, action: 'reused' };
  if (secret.class === 'per_install_generated' && secret.generator !== undefined) {
    return { value: generateSecret(secret.generator as unknown as GeneratorSpec), action: 'generated' };
  }
  if (secret.class === 'user_prompt' && options.prompt !== undefined) {
    const answer = await options.prompt(secret);
    if (answer !== undefined) {
      checkValue(secret, answer);
      return { value: answer, action: 'prompted' };
    }
  }
  if (!isRequired(secret)) return { value: undefined, action: 'skipped' };
  const how =
    secret.class === 'user_prompt'
      ? 'it must be entered by the user and no prompt is available'
      : secret.class === 'remote_fetch'
        ? 'the desktop runtime does not fetch remote secrets'
        : `class ${secret.class} cannot be provided on a desktop`;
  throw new SdkError('SECRET_MISSING', `required secret "${secret.id}" has no value: ${how}`, {
    hint: 'run the bundle interactively (deployment-manager run on a terminal) so it can ask, or mark the secret optional',
    details: { id: secret.id, class: secret.class },
  });
}

/**
 * Obtains and delivers every secret of a manifest. Throws `SECRET_MISSING`
 * (naming the secret, never a value) when a required one has no value, and
 * `SECRET_STORE_FAILED` from the store.
 *
 * @example
 * ```ts
 * const { env } = await injectSecrets(manifest, { storePath: '/app/runtime/secrets.json', appData: '/app' });
 * env.get('api') // { JWT_SECRET: '...' }
 * ```
 */
export async function injectSecrets(manifest: DesktopManifest, options: InjectSecretsOptions): Promise<InjectedSecrets> {
  const store = createFileSecretStore(options.storePath);
  const env = new Map<string, Record<string, string>>();
  const values: string[] = [];
  const outcomes: SecretOutcome[] = [];
  for (const secret of manifest.secrets ?? []) {
    const { value, action } = await obtain(secret, await store.get(secret.id), options);
    outcomes.push({ id: secret.id, action });
    if (value === undefined) continue;
    if (action !== 'reused') await store.set(secret.id, value);
    values.push(value);
    if (secret.target.type === 'file') {
      const file = insideDir(options.appData, secret.target.name, `file target of secret "${secret.id}"`);
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      writeFileSync(file, value, { mode: 0o600 });
      chmodSync(file, 0o600);
      continue;
    }
    for (const service of manifest.services) {
      if (service.secrets?.includes(secret.id) === true) env.set(service.id, { ...env.get(service.id), [secret.target.name]: value });
    }
  }
  return { env, values, outcomes };
}
