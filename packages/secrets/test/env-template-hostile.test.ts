import { fc, test } from '@fast-check/vitest';
import { hostileString } from '@deployment-manager/testkit';
import { parse } from 'dotenv';
import { describe, expect } from 'vitest';
import { planSecrets } from '../src/plan.ts';
import { renderEnvTemplate } from '../src/render-env.ts';
import type { SecretPlan } from '../src/types.ts';
import { graphOf, scenarioSpec } from './fixtures.ts';

/*
 * A .env template from a plan whose ids, descriptions, prompts and reasons
 * are hostile: the dotenv parser reads back exactly the plan's env targets,
 * each empty - no id or description adds a line or a value.
 */

const base = planSecrets(graphOf('app', ['openai', 'qdrant', 'postgres']), { tier: 'desktop', scenario: scenarioSpec('app') });

const hostilePlan: fc.Arbitrary<SecretPlan> = fc.array(hostileString, { minLength: base.secrets.length * 3, maxLength: base.secrets.length * 3 }).map((texts) => ({
  ...base,
  secrets: base.secrets.map((s, i) => ({
    ...s,
    id: texts[i * 3] as string,
    description: texts[i * 3 + 1] as string,
    reason: texts[i * 3 + 2] as string,
    ...(s.prompt === undefined ? {} : { prompt: { ...s.prompt, label: texts[i * 3 + 1] as string } }),
  })),
}));

describe('renderEnvTemplate with hostile text', () => {
  test.prop([hostilePlan], { numRuns: 1000 })('dotenv reads back exactly the bundled env variables, all empty', (plan) => {
    const expected = Object.fromEntries(
      plan.secrets.filter((s) => s.class !== 'infrastructure' && s.class !== 'unclassified').flatMap((s) => s.targets.filter((t) => t.type === 'env').map((t) => [t.name, ''])),
    );
    expect(parse(renderEnvTemplate(plan))).toEqual(expected);
  });
});
