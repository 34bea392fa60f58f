import { isEnvName } from './env-name.ts';
import { isJsonObject, ownEntries } from './json-values.ts';

// `${VAR}`, `${VAR:-default}`, `${RESOURCE_PORTS[judge0]}` -> VAR / RESOURCE_PORTS.
const BRACED = /\$\{([A-Za-z_][A-Za-z0-9_]*)/g;
// `$VAR` in shell snippets; upper case only, to stay clear of prose.
const BARE = /\$([A-Z_][A-Z0-9_]*)/g;
// `VAR=value` assignments in shell snippets (`PORT=${API_PORT} ./api`); upper case only.
const ASSIGNED = /(?:^|[\s;&|(])([A-Z][A-Z0-9_]*)=/g;
const ENV_MAP_KEYS = new Set(['env', 'environment', 'environment_variables']);
const ENV_FIELD_KEYS = new Set(['env_var', 'env']);
const NO_KEYS: ReadonlySet<string> = new Set();

/**
 * Every environment variable name a JSON document references: string values
 * of `env_var` fields, `${VAR}` / `$VAR` occurrences and `VAR=` assignments in
 * strings, and keys of `env` / `environment` maps. Sorted, unique. Values are
 * never returned, only names.
 *
 * @example
 * ```ts
 * collectEnvNames({ ports: { api: { env_var: 'API_PORT' } }, run: 'PORT=${API_PORT} ./api' });
 * // ['API_PORT', 'PORT']
 * ```
 *
 * @param proseKeys - keys whose values are prose for people (a description, a
 *   dependency's purpose): not read at any depth, so "costs $A" names nothing.
 */
export function collectEnvNames(json: unknown, proseKeys: ReadonlySet<string> = NO_KEYS): string[] {
  const names = new Set<string>();
  const addMatches = (text: string): void => {
    for (const re of [BRACED, BARE, ASSIGNED]) {
      for (const m of text.matchAll(re)) names.add(m[1] as string);
    }
  };
  const stack: unknown[] = [json];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (value.includes('$') || value.includes('=')) addMatches(value);
    } else if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
    } else if (isJsonObject(value)) {
      for (const [key, child] of ownEntries(value)) {
        if (proseKeys.has(key)) continue;
        if (ENV_FIELD_KEYS.has(key) && typeof child === 'string' && isEnvName(child)) names.add(child);
        if (ENV_MAP_KEYS.has(key) && isJsonObject(child)) {
          for (const [envKey] of ownEntries(child)) if (isEnvName(envKey)) names.add(envKey);
        }
        if (key === 'environment_variables' && Array.isArray(child)) {
          for (const item of child) if (typeof item === 'string' && isEnvName(item)) names.add(item);
        }
        stack.push(child);
      }
    }
  }
  return [...names].sort();
}
