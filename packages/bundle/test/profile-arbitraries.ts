import { TIERS } from '@deployment-manager/core';
import { fc } from '@fast-check/vitest';
import type { ProfileContent, ProfileSecretChoice } from '../src/index.ts';

const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/);

const choice: fc.Arbitrary<ProfileSecretChoice> = fc.record(
  {
    class: fc.constantFrom('per_install_generated', 'user_prompt', 'remote_fetch', 'infrastructure' as const),
    prompt: fc.record({ label: fc.string({ minLength: 1, maxLength: 10 }), hint: fc.string({ maxLength: 10 }) }, { requiredKeys: ['label'] }),
    remote: fc.record({ key: fc.string({ minLength: 1, maxLength: 10 }) }),
    targets: fc.array(fc.record({ type: fc.constantFrom('env', 'file' as const), name: fc.string({ minLength: 1, maxLength: 8 }) }), { maxLength: 2 }),
    required: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** Arbitrary valid profile contents, optional fields present or absent. */
export const profileContent: fc.Arbitrary<ProfileContent> = fc
  .record(
    {
      name,
      scenario: name,
      tiers: fc.subarray([...TIERS], { minLength: 1 }),
      swaps: fc.array(fc.record({ from: name, to: name, tiers: fc.subarray([...TIERS], { minLength: 1 }) }, { requiredKeys: ['from', 'to'] }), { maxLength: 3 }),
      secrets: fc.dictionary(name, choice, { maxKeys: 3, noNullPrototype: true }),
      settings: fc.dictionary(name, fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as never), { maxKeys: 3, noNullPrototype: true }),
      description: fc.string({ maxLength: 20 }),
    },
    { requiredKeys: ['name', 'scenario', 'tiers', 'swaps', 'secrets', 'settings'] },
  )
  // A JSON round trip gives plain objects, as stored profiles are (fast-check may build null-prototype ones).
  .map((c) => JSON.parse(JSON.stringify(c)) as ProfileContent);
