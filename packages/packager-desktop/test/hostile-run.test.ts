import { fc, test } from '@fast-check/vitest';
import { isSdkError } from '@deployment-manager/core';
import { HAS_SHELLCHECK, asWritten, holdsNul, hostileMaps, recordCall, replaceStrings, runScriptsStubbed, shellSyntaxErrors, shellcheckFindings } from '@deployment-manager/testkit';
import { describe, expect } from 'vitest';
import { planDesktop, type DesktopPlan } from '../src/plan-desktop.ts';
import { sampleManifest } from './sample.ts';

/*
 * build.sh rendered from hostile manifests (every user-controlled string
 * replaced, NUL included), checked in batches: it parses (`sh -n`, 1,000
 * scripts), shellcheck passes it (100), and run with every outside command
 * stubbed (100 runs) no injected command leaves its marker file, while the
 * compilers and `cp` get exactly the words the build and staging plans hold.
 */

const manifest = sampleManifest();
// Kept as they are: what build.sh branches on (signing variable names, pinned hashes, signing and storage modes).
const keep = (s: string): boolean => /^[A-Z_][A-Z0-9_]*$/.test(s) || /^[0-9a-f]{64}$/.test(s) || ['file', 'sha256', 'sqlite', 'postgres', 'optional_with_cpu_fallback'].includes(s);
const maps = hostileMaps(manifest, keep);
const PLATFORM = 'linux-x64';
// For the runs, assets carry no pinned hash: the stubbed cp copies nothing a hash could be checked on (the pinned-hash check runs in build-script-run.test.ts).
const unpinned = { ...manifest, services: manifest.services.map((s) => (s.assets === undefined ? s : { ...s, assets: s.assets.map(({ sha256: _, ...a }) => a) })) } as typeof manifest;
const unpinnedMaps = hostileMaps(unpinned, keep);

/** The plans of a batch of hostile manifests; a manifest whose render is refused must hold a NUL, and is left out. */
function plans(batch: readonly { hostile: Map<string, string> }[], base = manifest): DesktopPlan[] {
  const out: DesktopPlan[] = [];
  for (const { hostile } of batch) {
    try {
      out.push(planDesktop(replaceStrings(base, hostile), { platforms: [PLATFORM] }));
    } catch (error) {
      expect(isSdkError(error, 'EMIT_VALUE_INVALID')).toBe(true);
      expect(holdsNul(hostile.values())).toBe(true);
    }
  }
  return out;
}

const script = (plan: DesktopPlan): string => plan.files.find((f) => f.path === 'build.sh')?.content ?? '';
const fileOf = (plan: DesktopPlan, path: string): string => plan.files.find((f) => f.path === path)?.content ?? '';

// `cd` is a shell builtin, so it is replaced by a function that records it (the hostile source directories do not exist);
// the files the packager wrote beside build.sh are real, and `cp` copies only the two hash-verified ones, whose paths are fixed.
const RECORD_CD = `cd() { ${recordCall('cd')}; }`;
const STUBS: Record<string, string> = {
  go: '',
  cargo: '',
  npm: '',
  npx: '',
  gpg: '',
  uname: 'echo Linux',
  rm: '',
  chmod: '',
  mkdir: `[ "$2" = staging/${PLATFORM} ] && /bin/mkdir -p "$2"; exit 0`,
  cp: `case "$3" in staging/${PLATFORM}/bundle.json|staging/${PLATFORM}/launch.json) /bin/cp "$2" "$3" ;; esac; exit 0`,
};

describe('build.sh from hostile manifests, in batches', () => {
  test.prop([fc.array(maps, { minLength: 100, maxLength: 100 })], { numRuns: 10, endOnFailure: true })('parses with sh -n (1,000 scripts, one sh per 100)', (batch) => {
    expect(shellSyntaxErrors(plans(batch).map(script))).toEqual([]);
  }, 180_000);

  describe.skipIf(!HAS_SHELLCHECK)('shellcheck (skipped: shellcheck is not on PATH)', () => {
    test.prop([fc.array(maps, { minLength: 50, maxLength: 50 })], { numRuns: 2, endOnFailure: true })('passes shellcheck (100 scripts, one shellcheck per 50)', (batch) => {
    expect(shellcheckFindings(plans(batch).map(script))).toEqual([]);
  }, 180_000);
  });

  test.prop([fc.array(unpinnedMaps, { minLength: 25, maxLength: 25 })], { numRuns: 4, endOnFailure: true })('run with its commands stubbed: no injected command runs, the compilers and cp get the planned words (100 runs)', (batch) => {
    const planned = plans(batch, unpinned);
    const { results, cleanup } = runScriptsStubbed(
      planned.map((plan) => ({
        script: script(plan).replace('#!/bin/sh\n', `#!/bin/sh\n${RECORD_CD}\n`),
        args: ['stable', PLATFORM],
        env: { SOURCE_ROOT: '/nonexistent-source-root' },
        files: Object.fromEntries(plan.files.filter((f) => f.path !== 'build.sh').map((f) => [f.path, f.content])),
      })),
      { shell: 'sh', stubs: STUBS },
    );
    try {
      results.forEach((r, i) => {
        const plan = planned[i] as DesktopPlan;
        expect(r.markers).toEqual([]);
        expect(r.status).toBe(0);
        // Apart from the staging (cp -R), the directories and electron-builder, the commands are the install and the build steps, word for word.
        const steps = plan.build.platforms.flatMap((p) => p.builds.flatMap((b) => b.steps));
        const staging = (c: readonly string[]): boolean => c[0] === 'cp' && c[1] === '-R';
        expect(r.calls.filter((c) => !['cd', 'mkdir', 'rm', 'chmod', 'npx'].includes(c[0] as string) && !staging(c))).toEqual([plan.build.install, ...steps.map((s) => s.argv)].map((argv) => argv.map(asWritten)));
        const entries = plan.staging.platforms.flatMap((p) => p.entries);
        const from = (e: (typeof entries)[number]): string => asWritten(e.origin === 'source' ? `/nonexistent-source-root/${e.from}` : e.from);
        expect(r.calls.filter(staging)).toEqual(entries.map((e) => ['cp', '-R', from(e), asWritten(`staging/${PLATFORM}/${e.to}`)]));
        expect(fileOf(plan, 'runtime/bundle.json')).not.toBe('');
      });
    } finally {
      cleanup();
    }
  }, 180_000);
});
