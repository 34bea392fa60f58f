import { execFileSync } from 'node:child_process';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { sourcePath } from './source-path.ts';

describe('sourcePath', () => {
  test.prop([fc.stringMatching(/^[a-z/ $`'"]{1,16}$/)], { numRuns: 30 })('expands only $SOURCE_ROOT', (rel) => {
    const printed = execFileSync('sh', ['-c', `printf '%s' ${sourcePath(rel)}`], { encoding: 'utf8', env: { ...process.env, SOURCE_ROOT: '/src' } });
    expect(printed).toBe(`/src/${rel}`);
  });
});
