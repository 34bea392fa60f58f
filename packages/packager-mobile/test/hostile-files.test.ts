import { fc, test } from '@fast-check/vitest';
import { isSdkError } from '@deployment-manager/core';
import { hostileMaps, replaceStrings } from '@deployment-manager/testkit';
import { expect, it } from 'vitest';
import { MOBILE_FILES, planMobile } from '../src/plan-mobile.ts';
import { sampleManifest } from './sample.ts';

/*
 * The mobile packager's JSON files from hostile manifests (every
 * user-controlled string replaced, NUL included): capacitor.config.json,
 * runtime-config.json, the secret plan and the server-side moves each parse
 * back to exactly the value the packager meant to write, so input is only
 * ever a JSON value, never structure. Values the packager branches on (the
 * platforms, secret classes, kinds, generator types) stay as they are.
 */

const manifest = sampleManifest();
const keep = (s: string): boolean =>
  ['v0.1', 'mobile', 'ios', 'android', 'plugin', 'wasm', 'random', 'per_install_generated', 'user_prompt', 'remote_fetch', 'infrastructure', 'build_time', 'server_only', 'device_keychain', 'keychain', 'env'].includes(s) ||
  /^[A-Z_][A-Z0-9_]*$/.test(s) ||
  /^(scenario|resource):/.test(s);

/** What each JSON artifact of a plan is meant to hold. */
const meantOf = (plan: ReturnType<typeof planMobile>): Record<string, unknown> => ({
  [MOBILE_FILES.capacitorConfig]: plan.config,
  [MOBILE_FILES.runtimeConfig]: plan.runtime,
  [MOBILE_FILES.secretPlan]: plan.secrets,
  [MOBILE_FILES.serverSideMoves]: plan.moves,
});

test.prop([hostileMaps(manifest, keep)], { numRuns: 1000 })('every mobile JSON file from a hostile manifest parses back to the value meant', ({ hostile }) => {
  let plan: ReturnType<typeof planMobile>;
  try {
    plan = planMobile(replaceStrings(manifest, hostile));
  } catch (error) {
    // Refused input is a typed error, never a crash.
    expect(isSdkError(error), String(error)).toBe(true);
    return;
  }
  const meant = meantOf(plan);
  expect(plan.files.filter((f) => f.mediaType === 'application/json').map((f) => f.path).sort()).toEqual(Object.keys(meant).sort());
  for (const [path, value] of Object.entries(meant)) {
    const content = plan.files.find((f) => f.path === path)?.content ?? '';
    expect(JSON.parse(content), path).toEqual(JSON.parse(JSON.stringify(value)));
  }
  // The hostile app name and id reach the Capacitor config as values, unchanged.
  expect(plan.config.appName).toBe(hostile.get(manifest.app.name) ?? manifest.app.name);
  expect(plan.config.appId).toBe(hostile.get(manifest.app_id) ?? manifest.app_id);
});

// The property draws 1,000 manifests; this pins that most of them render, so its assertions run.
it('renders most hostile manifests rather than refusing them', () => {
  const sample = fc.sample(hostileMaps(manifest, keep), { numRuns: 200, seed: 17 });
  const rendered = sample.filter(({ hostile }) => {
    try {
      planMobile(replaceStrings(manifest, hostile));
      return true;
    } catch {
      return false;
    }
  });
  expect(rendered.length).toBeGreaterThan(150);
});
