import type { SecretPolicy } from '../policy-types.ts';
import { APP_SECRET_NAMES } from './app-secrets.ts';
import { ENV_NAME_PATTERNS } from './env-patterns.ts';
import { DEFAULT_GENERATORS } from './generators.ts';
import { DEFAULT_RULES } from './rules.ts';

/** The built-in secret policy: classification rules, default generators, app secret names and env heuristics. */
export const DEFAULT_SECRET_POLICY: SecretPolicy = {
  appSecrets: APP_SECRET_NAMES,
  envPatterns: ENV_NAME_PATTERNS,
  rules: DEFAULT_RULES,
  generators: DEFAULT_GENERATORS,
};
