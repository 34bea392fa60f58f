import type { SecretCatalog } from '../catalog-types.ts';
import { APP_SECRET_NAMES } from './app-secrets.ts';
import { DEPENDENCY_SECRETS } from './dependencies.ts';
import { ENV_NAME_PATTERNS } from './env-patterns.ts';
import { DEFAULT_GENERATORS } from './generators.ts';
import { DEFAULT_RULES } from './rules.ts';
import { SWAP_HINTS } from './swap-hints.ts';

/** The built-in catalog: dependency secrets, app secret names, env heuristics, rules, generators and swap hints. */
export const DEFAULT_SECRET_CATALOG: SecretCatalog = {
  dependencies: DEPENDENCY_SECRETS,
  appSecrets: APP_SECRET_NAMES,
  envPatterns: ENV_NAME_PATTERNS,
  rules: DEFAULT_RULES,
  generators: DEFAULT_GENERATORS,
  swapHints: SWAP_HINTS,
};
