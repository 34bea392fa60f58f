import { fc, test } from '@fast-check/vitest';
import { isSdkError } from '@deployment-manager/core';
import { holdsNul, hostileMaps, javaScriptSyntaxErrors, replaceStrings } from '@deployment-manager/testkit';
import { describe, expect, it } from 'vitest';
import { createAppPackageJson, createProjectPackageJson } from '../src/electron-app.ts';
import { electronBuilderConfigPath } from '../src/electron-builder-config.ts';
import { planDesktop, type DesktopPlan } from '../src/plan-desktop.ts';
import { SHELL_MAIN_SOURCE } from '../src/shell-main.ts';
import { LAUNCH_FILE_PATH, RUNTIME_MANIFEST_PATH } from '../src/staging-plan.ts';
import { sampleManifest } from './sample.ts';

/*
 * The desktop packager's JavaScript and JSON files from hostile manifests
 * (every user-controlled string replaced, NUL included): the Electron main
 * process holds no input at all - it is the same program, which esbuild
 * parses, whatever the manifest - and every JSON file parses back to exactly
 * the value the packager meant to write (the manifest itself, the launch
 * contract, the plans, the electron-builder configurations, both
 * package.json files), so input is only ever a JSON value.
 */

const manifest = sampleManifest();
const keep = (s: string): boolean => /^[A-Z_][A-Z0-9_]*$/.test(s) || /^[0-9a-f]{64}$/.test(s) || ['file', 'sha256', 'sqlite', 'postgres', 'optional_with_cpu_fallback'].includes(s);

describe('app/main.cjs', () => {
  it('is a program esbuild parses', () => {
    expect(javaScriptSyntaxErrors(SHELL_MAIN_SOURCE)).toEqual([]);
    // The check can fail: a stray quote is a syntax error.
    expect(javaScriptSyntaxErrors(`${SHELL_MAIN_SOURCE}\n'`)).not.toEqual([]);
  });
});

describe('the desktop JavaScript and JSON files from hostile manifests', () => {
  test.prop([hostileMaps(manifest, keep)], { numRuns: 1000 })('main.cjs is the fixed program and every JSON file parses back to the value meant', ({ hostile }) => {
    const m = replaceStrings(manifest, hostile);
    let plan: DesktopPlan;
    try {
      plan = planDesktop(m);
    } catch (error) {
      // A NUL is refused by build.sh's quoting; a lone surrogate by the canonical manifest (I-JSON).
      expect(isSdkError(error, 'EMIT_VALUE_INVALID') || isSdkError(error, 'JSON_NOT_I_JSON')).toBe(true);
      if (isSdkError(error, 'EMIT_VALUE_INVALID')) expect(holdsNul(hostile.values())).toBe(true);
      return;
    }
    const file = (path: string): string => plan.files.find((f) => f.path === path)?.content ?? '';
    expect(file('app/main.cjs')).toBe(SHELL_MAIN_SOURCE);
    const meant: Record<string, unknown> = {
      [RUNTIME_MANIFEST_PATH]: m,
      [LAUNCH_FILE_PATH]: plan.launch,
      'staging-plan.json': plan.staging,
      'build-plan.json': plan.build,
      'package.json': createProjectPackageJson(m),
      'app/package.json': createAppPackageJson(m, plan.options),
      ...Object.fromEntries(Object.entries(plan.configs).map(([channel, config]) => [electronBuilderConfigPath(channel as never), config])),
    };
    expect(plan.files.filter((f) => f.mediaType === 'application/json').map((f) => f.path).sort()).toEqual(Object.keys(meant).sort());
    for (const [path, value] of Object.entries(meant)) expect(JSON.parse(file(path)), path).toEqual(JSON.parse(JSON.stringify(value)));
  });
});

// The property draws 1,000 manifests; this pins that most of them render (a NUL or a lone surrogate in any of ~70 strings refuses the whole manifest).
it('renders most hostile manifests rather than refusing them', () => {
  const sample = fc.sample(hostileMaps(manifest, keep), { numRuns: 200, seed: 17 });
  const rendered = sample.filter(({ hostile }) => {
    try {
      planDesktop(replaceStrings(manifest, hostile));
      return true;
    } catch {
      return false;
    }
  });
  expect(rendered.length).toBeGreaterThan(100);
});
