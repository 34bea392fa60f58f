import { test } from '@fast-check/vitest';
import { isSdkError } from '@deployment-manager/core';
import { holdsNul, hostileMaps, replaceStrings, shellShape } from '@deployment-manager/testkit';
import { describe, expect } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { renderComposeSecretsScript, renderKubernetesSecretsScript } from '../src/secret-scripts.ts';
import { composeText, renderCompose } from '../src/compose.ts';
import { resolveCloudOptions } from '../src/options.ts';
import { sampleManifest } from './sample.ts';

/*
 * Every user-controlled string of the sample manifest replaced by hostile
 * text: the secret scripts keep the shape of the ones rendered from harmless
 * names, and compose.yaml's header comment stays a comment: the file parses
 * back to exactly the compose document rendered, every input a value.
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

  const options = resolveCloudOptions({ targets: ['compose'] });
  test.prop([hostileMaps(manifest)], { numRuns: 1000 })('compose.yaml: the header stays two comment lines and the file parses back to exactly the document rendered', ({ hostile }) => {
    const m = replaceStrings(manifest, hostile);
    let compose: ReturnType<typeof renderCompose>['compose'];
    try {
      compose = renderCompose(m, options, new Map()).compose;
    } catch (error) {
      // Only a NUL, which the healthcheck's shell word cannot hold, is refused.
      expect(isSdkError(error, 'EMIT_VALUE_INVALID')).toBe(true);
      expect(holdsNul(hostile.values())).toBe(true);
      return;
    }
    const text = composeText(m, compose, true);
    const lines = text.split('\n');
    expect(lines.slice(0, 2).every((l) => l.startsWith('# '))).toBe(true);
    expect(lines[2]?.startsWith('#')).toBe(false);
    expect(parseYaml(text, { version: '1.1' })).toEqual(compose);
  });
});
