import { fc, test } from '@fast-check/vitest';
import { isSdkError } from '@deployment-manager/core';
import { holdsNul, hostileMaps, replaceStrings, shellShape } from '@deployment-manager/testkit';
import { describe, expect } from 'vitest';
import { planDesktop } from '../src/plan-desktop.ts';
import { sampleManifest } from './sample.ts';

/*
 * Every user-controlled string of the sample manifest replaced by hostile
 * text: build.sh has the shape of the one rendered from harmless names - a
 * newline in the version no longer leaves the header comment, `$()` in a
 * service id no longer runs inside an echo - or rendering refuses the value.
 */

const manifest = sampleManifest();
// Kept as they are: what build.sh branches on (signing variable names, pinned hashes, signing and storage modes).
const keep = (s: string): boolean => /^[A-Z_][A-Z0-9_]*$/.test(s) || /^[0-9a-f]{64}$/.test(s) || ['file', 'sha256', 'sqlite', 'postgres', 'optional_with_cpu_fallback'].includes(s);

function buildScript(m: typeof manifest): string {
  return planDesktop(m).files.find((f) => f.path === 'build.sh')?.content ?? '';
}

// The staging plan merges and orders entries by their paths, so lines may repeat or merge; every line must still be one the template makes.
// `"$SOURCE_ROOT"` alone is the source path of an empty relative path: the same kind of word as `"$SOURCE_ROOT"/'dir'`.
const shape = (script: string): string[] => shellShape(script).map((line) => line.replace(/DQ\[VAR\](?=[ )]|$)/g, "DQ[VAR]+W:/+SQ"));
const maps = hostileMaps(manifest, keep);

describe('build.sh from hostile manifests', () => {
  // The harmless names are the same in every case (v0, v1...): their lines are computed once, not once per case.
  const { harmless } = fc.sample(maps, 1)[0] as { harmless: Map<string, string> };
  const known = new Set(shape(buildScript(replaceStrings(manifest, harmless))));

  test.prop([maps], { numRuns: 1000 })('has only lines the template makes: every value stays one quoted word', ({ hostile }) => {
    let text: string;
    try {
      text = buildScript(replaceStrings(manifest, hostile));
    } catch (error) {
      // Only a NUL, which no shell word holds, is refused.
      expect(isSdkError(error, 'EMIT_VALUE_INVALID')).toBe(true);
      expect(holdsNul(hostile.values())).toBe(true);
      return;
    }
    expect(shape(text).filter((line) => !known.has(line))).toEqual([]);
  });
});
