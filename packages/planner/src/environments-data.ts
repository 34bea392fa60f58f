import type { EnvironmentOverlay } from './environment.ts';

/*
 * The built-in environments. Guardrail amounts are USD per month; they are
 * starting points meant to be overridden per team.
 */

/** `development`: one replica, debug logs, recreate, a small budget. */
export const DEVELOPMENT: EnvironmentOverlay = {
  name: 'development',
  description: 'one replica of everything, debug logging, cheapest sizes',
  apps: { replicas: 1, env: { APP_ENV: 'development', LOG_LEVEL: 'debug' } },
  rollout: { strategy: 'recreate' },
  guardrails: { confirmAbove: 25, maxMonthlyCost: 100 },
};

/** `staging`: production-like config on one replica, rolling updates. */
export const STAGING: EnvironmentOverlay = {
  name: 'staging',
  description: 'production-like configuration on one replica',
  apps: { replicas: 1, env: { APP_ENV: 'staging', LOG_LEVEL: 'info' } },
  rollout: { strategy: 'rolling', maxSurge: 1, maxUnavailable: 0 },
  guardrails: { confirmAbove: 100, maxMonthlyCost: 500 },
};

/** `production`: two replicas of every app service, TLS, rolling updates without downtime. */
export const PRODUCTION: EnvironmentOverlay = {
  name: 'production',
  description: 'two replicas of every app service, TLS, zero-downtime rolling updates',
  apps: { replicas: 2, env: { APP_ENV: 'production', LOG_LEVEL: 'warn' } },
  ingress: { tls: true },
  rollout: { strategy: 'rolling', maxSurge: 1, maxUnavailable: 0 },
  guardrails: { confirmAbove: 250, maxMonthlyCost: 2000, quotas: { maxReplicas: 10 } },
};

/** The built-in environments by name. */
export const BUILTIN_ENVIRONMENTS: Readonly<Record<string, EnvironmentOverlay>> = { development: DEVELOPMENT, staging: STAGING, production: PRODUCTION };
