import { test } from '@fast-check/vitest';
import { isSdkError } from '@deployment-manager/core';
import { hostileMaps, replaceStrings, shellShape } from '@deployment-manager/testkit';
import { describe, expect } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { renderComposeSecretsScript, renderKubernetesSecretsScript } from '../src/secret-scripts.ts';
import { planCloud } from '../src/plan-cloud.ts';
import { sampleManifest } from './sample.ts';

/*
 * Every user-controlled string of the sample manifest replaced by hostile
 * text: the secret scripts keep the shape of the ones rendered from harmless
 * names, and compose.yaml's header comment stays a comment.
 */

const manifest = sampleManifest();

function sameShape(render: (m: typeof manifest) => string | undefined, hostile: Map<string, string>, harmless: Map<string, string>): void {
  let text: string | undefined;
  try {
    text = render(replaceStrings(manifest, hostile));
  } catch (error) {
    expect(isSdkError(error, 'EMIT_VALUE_INVALID')).toBe(true);
    return;
  }
  expect(shellShape(text ?? '')).toEqual(shellShape(render(replaceStrings(manifest, harmless)) ?? ''));
}

describe('cloud scripts from hostile manifests', () => {
  test.prop([hostileMaps(manifest)], { numRuns: 1000 })('create-secrets.sh for Compose and for Kubernetes keep their shape', ({ hostile, harmless }) => {
    sameShape(renderComposeSecretsScript, hostile, harmless);
    sameShape(renderKubernetesSecretsScript, hostile, harmless);
  });

  test.prop([hostileMaps(manifest)], { numRuns: 30 })('compose.yaml: the header stays a comment, so the file parses to the same top-level keys', ({ hostile }) => {
    const m = replaceStrings(manifest, hostile);
    let plan: ReturnType<typeof planCloud>;
    try {
      plan = planCloud(m, { targets: ['compose'] });
    } catch (error) {
      // The packager refuses names Kubernetes and Compose cannot take, with a typed error.
      expect(isSdkError(error)).toBe(true);
      return;
    }
    const file = plan.files.find((f) => f.path === 'compose/compose.yaml');
    if (file === undefined) return;
    const header = file.content.split('\n').filter((l) => l.startsWith('#'));
    expect(header.length).toBeGreaterThan(0);
    expect(Object.keys(parseYaml(file.content) as object).sort()).toEqual(Object.keys(parseYaml(planCloud(manifest, { targets: ['compose'] }).files.find((f) => f.path === 'compose/compose.yaml')?.content ?? '') as object).sort());
  });
});
