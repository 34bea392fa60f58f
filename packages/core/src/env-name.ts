/**
 * The pattern of a portable environment variable name, as a JSON Schema / `RegExp` source: a
 * letter or `_`, then letters, digits and `_`. POSIX shells, dotenv files, Compose and Kubernetes
 * all accept such a name, so every emitter and schema of the SDK holds names to it.
 */
export const ENV_NAME_PATTERN = '^[A-Za-z_][A-Za-z0-9_]*$';

const ENV_NAME = new RegExp(ENV_NAME_PATTERN);

/**
 * True when `name` is a portable environment variable name ({@link ENV_NAME_PATTERN}).
 *
 * @example
 * ```ts
 * isEnvName('API_KEY') // true
 * isEnvName('2FA')     // false
 * isEnvName('a-b')     // false
 * ```
 */
export function isEnvName(name: string): boolean {
  return ENV_NAME.test(name);
}
