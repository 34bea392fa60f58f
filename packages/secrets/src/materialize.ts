import { generateSecret } from './generate.ts';
import type { SecretStore } from './store.ts';
import type { GeneratorSpec, SecretPlan } from './types.ts';
import { matchesGenerator } from './values.ts';

/** What {@link materializeSecrets} did, by secret id (never values). */
export interface MaterializeResult {
  /** Generated now and stored. */
  readonly generated: readonly string[];
  /** Already stored and kept as they were. */
  readonly reused: readonly string[];
  /** Kept although they no longer have the generator's shape (not rotated; pass them in `rotate` to replace). */
  readonly mismatched: readonly string[];
}

/** Options of {@link materializeSecrets}. */
export interface MaterializeOptions {
  /** Ids to regenerate even though a value is stored (deliberate rotation). */
  readonly rotate?: readonly string[];
  /** The generator function; default {@link generateSecret}. */
  readonly generate?: (spec: GeneratorSpec) => string;
}

/**
 * Makes sure every `per_install_generated` secret of a plan has a value in the
 * store: missing ones are generated and stored, stored ones are kept byte for
 * byte, so planning and materializing twice never rotates a secret by accident.
 * Other classes are left alone (prompted, fetched or never bundled).
 *
 * @example
 * ```ts
 * const store = createFileSecretStore('.deployment-manager/secrets.json');
 * const { generated, reused } = await materializeSecrets(plan, store);
 * ```
 */
export async function materializeSecrets(plan: SecretPlan, store: SecretStore, options: MaterializeOptions = {}): Promise<MaterializeResult> {
  const generate = options.generate ?? generateSecret;
  const rotate = new Set(options.rotate ?? []);
  const generated: string[] = [];
  const reused: string[] = [];
  const mismatched: string[] = [];
  for (const secret of plan.secrets) {
    if (secret.class !== 'per_install_generated' || secret.generator === undefined) continue;
    const existing = rotate.has(secret.id) ? undefined : await store.get(secret.id);
    if (existing !== undefined) {
      reused.push(secret.id);
      if (!matchesGenerator(secret.generator, existing)) mismatched.push(secret.id);
      continue;
    }
    await store.set(secret.id, generate(secret.generator));
    generated.push(secret.id);
  }
  return { generated, reused, mismatched };
}
