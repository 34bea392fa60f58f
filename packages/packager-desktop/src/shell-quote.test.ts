import { execFileSync } from 'node:child_process';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { shellQuote, sourcePath } from './shell-quote.ts';

// sh cannot carry NUL bytes in arguments; everything else must survive quoting.
const word = fc.string({ unit: 'binary', maxLength: 24 }).filter((s) => !s.includes('\0'));

describe('shellQuote', () => {
  test.prop([word], { numRuns: 60 })('sh reads back exactly the quoted word, with nothing expanded', (w) => {
    const printed = execFileSync('sh', ['-c', `printf '%s' ${shellQuote(w)}`], { encoding: 'utf8' });
    expect(printed).toBe(w);
  });

  test.prop([fc.stringMatching(/^[a-z/ $`'"]{1,16}$/)], { numRuns: 30 })('sourcePath expands only $SOURCE_ROOT', (rel) => {
    const printed = execFileSync('sh', ['-c', `printf '%s' ${sourcePath(rel)}`], { encoding: 'utf8', env: { ...process.env, SOURCE_ROOT: '/src' } });
    expect(printed).toBe(`/src/${rel}`);
  });
});
