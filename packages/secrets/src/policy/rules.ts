import type { ClassificationRule } from '../policy-types.ts';

/**
 * Default classification rules, first match wins. A secret no rule matches is
 * `unclassified` and blocks the bundle: there is deliberately no catch-all rule.
 */
export const DEFAULT_RULES: readonly ClassificationRule[] = [
  {
    id: 'hosted-api-user-key',
    when: { hosting: ['hosted-api'], tiers: ['local', 'desktop', 'mobile'] },
    class: 'user_prompt',
    reason: 'a hosted api key belongs to the person running a client install, who brings their own',
  },
  {
    id: 'hosted-api-operator-key',
    when: { hosting: ['hosted-api'], tiers: ['saas', 'enterprise'] },
    class: 'remote_fetch',
    reason: 'a server install reads the operator account key from its secret store',
  },
  {
    id: 'server-daemon-local',
    when: { hosting: ['server-daemon'], tiers: ['local'] },
    class: 'per_install_generated',
    reason: 'a local install runs its own daemon, so its credentials are generated on first run',
  },
  {
    id: 'server-daemon-client-bundle',
    when: { hosting: ['server-daemon'], tiers: ['desktop', 'mobile'] },
    class: 'infrastructure',
    reason: 'a server-side daemon cannot ship in a desktop or mobile bundle, so its credentials stay with the operator',
  },
  {
    id: 'server-daemon-saas',
    when: { hosting: ['server-daemon'], tiers: ['saas'] },
    class: 'per_install_generated',
    reason: 'a cloud install provisions its own daemon, so its credentials are generated per install',
  },
  {
    id: 'server-daemon-enterprise',
    when: { hosting: ['server-daemon'], tiers: ['enterprise'] },
    class: 'remote_fetch',
    reason: 'an on-prem install uses credentials the customer manages in their own secret store',
  },
  {
    id: 'bundled-service-mobile',
    when: { hosting: ['bundled-service'], tiers: ['mobile'] },
    class: 'infrastructure',
    reason: 'the service cannot run on a phone, so it and its credentials stay on the operator server',
  },
  {
    id: 'bundled-service',
    when: { hosting: ['bundled-service'], tiers: ['local', 'desktop', 'saas', 'enterprise'] },
    class: 'per_install_generated',
    reason: 'the service ships with the install, so its keys are generated on first run',
  },
  {
    id: 'application-own-keys',
    when: { hosting: ['application'], kinds: ['signing-key', 'encryption-key', 'private-key'] },
    class: 'per_install_generated',
    reason: 'the application signs and encrypts with keys of its own, generated per install',
  },
];
