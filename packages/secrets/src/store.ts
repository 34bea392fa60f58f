import { SdkError } from '@deployment-manager/core/pure';

/**
 * Where generated secret values live between renders, so planning twice never
 * rotates a secret by accident. Implementations must never put a value into an
 * error, a log line or a diagnostic.
 */
export interface SecretStore {
  /** The stored value, or `undefined`. */
  get(id: string): Promise<string | undefined>;
  /** Stores (or replaces) a value. */
  set(id: string, value: string): Promise<void>;
  /** Removes a value; true when one was there. */
  delete(id: string): Promise<boolean>;
  /** Every stored id, sorted. */
  ids(): Promise<string[]>;
}

/** Throws `INVALID_ARGUMENT` unless `id` is a usable secret id. */
export function assertSecretId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || id.length === 0 || id.length > 256 || /[\u0000-\u001f]/.test(id)) {
    throw new SdkError('INVALID_ARGUMENT', 'secret id must be a non-empty string of at most 256 printable characters', { hint: 'use the plan ids, e.g. postgres.password' });
  }
}

/** Throws `INVALID_ARGUMENT` unless `value` is a non-empty string; the value is never echoed. */
export function assertSecretValue(id: string, value: unknown): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new SdkError('INVALID_ARGUMENT', `value for secret "${id}" must be a non-empty string`, { hint: 'store the generated string itself' });
  }
}

/**
 * An in-memory {@link SecretStore}, for tests and for hosts that keep values elsewhere.
 *
 * @example
 * ```ts
 * const store = createMemorySecretStore();
 * await materializeSecrets(plan, store);
 * ```
 */
export function createMemorySecretStore(initial: Readonly<Record<string, string>> = {}): SecretStore {
  const values = new Map<string, string>(Object.entries(initial));
  return {
    get: async (id) => {
      assertSecretId(id);
      return values.get(id);
    },
    set: async (id, value) => {
      assertSecretId(id);
      assertSecretValue(id, value);
      values.set(id, value);
    },
    delete: async (id) => {
      assertSecretId(id);
      return values.delete(id);
    },
    ids: async () => [...values.keys()].sort(),
  };
}
