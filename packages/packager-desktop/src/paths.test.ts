import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { expandTemplate, isSafeRelativePath, joinPosix, templateNames, toPosixPath } from './paths.ts';

const segment = fc.stringMatching(/^[A-Za-z0-9_.-]{1,8}$/).filter((s) => s !== '..' && s !== '.');

describe('paths', () => {
  it('rejects absolute, drive-letter and climbing paths', () => {
    for (const bad of ['', '/etc/passwd', 'C:\\x', 'a/../../b', '..\\x', 'a/..']) expect(isSafeRelativePath(bad)).toBe(false);
    for (const good of ['a', 'services\\api\\x.exe', 'a/b/c', './a', 'a..b']) expect(isSafeRelativePath(good)).toBe(true);
  });

  test.prop([fc.array(segment, { minLength: 1, maxLength: 5 }), fc.nat(5)])('a path with a ".." segment anywhere is never safe', (segments, at) => {
    const parts = [...segments];
    parts.splice(at % (parts.length + 1), 0, '..');
    expect(isSafeRelativePath(parts.join('/'))).toBe(false);
    expect(isSafeRelativePath(parts.join('\\'))).toBe(false);
  });

  test.prop([fc.array(segment, { minLength: 1, maxLength: 5 })])('relative paths of plain segments are safe and join to themselves', (segments) => {
    expect(isSafeRelativePath(segments.join('/'))).toBe(true);
    expect(joinPosix(segments.join('\\'))).toBe(segments.join('/'));
  });

  test.prop([fc.string()])('toPosixPath is idempotent and leaves no backslash', (s) => {
    expect(toPosixPath(toPosixPath(s))).toBe(toPosixPath(s));
    expect(toPosixPath(s)).not.toContain('\\');
  });

  test.prop([fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), fc.stringMatching(/^[a-z0-9]{0,6}$/)), fc.array(fc.stringMatching(/^[a-z]{1,6}$/), { maxLength: 4 })])(
    'expandTemplate replaces exactly the known placeholders',
    (vars, names) => {
      const template = names.map((n) => `<{{${n}}}>`).join('');
      const out = expandTemplate(template, vars);
      const left = templateNames(out);
      expect(left.every((n) => !Object.hasOwn(vars, n))).toBe(true);
      expect(new Set(left)).toEqual(new Set(names.filter((n) => !Object.hasOwn(vars, n))));
    },
  );
});
