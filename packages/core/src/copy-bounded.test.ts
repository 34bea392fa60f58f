import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyInputTree } from './copy-bounded.ts';
import { isSdkError } from './errors.ts';

let dir: string;
let src: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-copy-'));
  src = join(dir, 'src');
  mkdirSync(join(src, 'web', 'img'), { recursive: true });
  writeFileSync(join(src, 'web', 'index.html'), '<h1>hi</h1>');
  writeFileSync(join(src, 'web', 'img', 'a.png'), 'png');
  writeFileSync(join(src, 'api'), '#!/bin/sh\n', { mode: 0o755 });
  writeFileSync(join(dir, 'outside.txt'), 'secret outside the sources');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The SdkError code `fn` throws, or 'none'. */
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
    return 'none';
  } catch (error) {
    return isSdkError(error) ? error.code : `not an SdkError: ${String(error)}`;
  }
};

describe('copyInputTree', () => {
  it('copies a tree of regular files and directories, keeping modes and following links that stay inside the root', () => {
    symlinkSync(join(src, 'web', 'index.html'), join(src, 'web', 'home.html'));
    symlinkSync('img', join(src, 'web', 'images'));
    const copied = copyInputTree(join(src, 'web'), join(dir, 'out', 'web'), { what: 'asset dir "web"', root: src });
    expect(copied).toEqual({ files: 4, bytes: 11 + 11 + 3 + 3 });
    expect(readFileSync(join(dir, 'out', 'web', 'home.html'), 'utf8')).toBe('<h1>hi</h1>');
    expect(readFileSync(join(dir, 'out', 'web', 'images', 'a.png'), 'utf8')).toBe('png');
    expect(statSync(join(dir, 'out', 'web', 'images')).isDirectory()).toBe(true);
  });

  it('returns the sha256 of the bytes copied for one file, and keeps its executable bit', () => {
    const copied = copyInputTree(join(src, 'api'), join(dir, 'api'), { what: 'binary "api"', root: src });
    expect(copied.sha256).toBe(createHash('sha256').update('#!/bin/sh\n').digest('hex'));
    expect(statSync(join(dir, 'api')).mode & 0o111).not.toBe(0);
  });

  // Each hostile input, given as the entry itself and found inside a directory entry.
  const HOSTILE: readonly (readonly [string, (at: string) => void, string])[] = [
    ['a FIFO', (at) => execFileSync('mkfifo', [at]), 'FILE_NOT_REGULAR'],
    ['a link to a FIFO inside the root', (at) => {
      execFileSync('mkfifo', [join(src, 'fifo')]);
      symlinkSync(join(src, 'fifo'), at);
    }, 'FILE_NOT_REGULAR'],
    ['a link to /dev/zero', (at) => symlinkSync('/dev/zero', at), 'FILE_NOT_REGULAR'],
    ['a link to a file outside the root', (at) => symlinkSync(join(dir, 'outside.txt'), at), 'FILE_NOT_REGULAR'],
    ['a relative link climbing out of the root', (at) => symlinkSync(relative(dirname(at), join(dir, 'outside.txt')), at), 'FILE_NOT_REGULAR'],
    ['a link to a directory outside the root', (at) => symlinkSync(dir, at), 'FILE_NOT_REGULAR'],
    ['a dangling link', (at) => symlinkSync(join(src, 'nothing'), at), 'FILE_NOT_REGULAR'],
    ['a sparse file over the cap', (at) => {
      writeFileSync(at, '');
      truncateSync(at, 4097);
    }, 'FILE_TOO_LARGE'],
  ];

  it.each(HOSTILE)('refuses %s as the entry', (_, make, code) => {
    make(join(src, 'web', 'entry'));
    expect(codeOf(() => copyInputTree(join(src, 'web', 'entry'), join(dir, 'out'), { what: 'asset', root: src, maxBytes: 4096 }))).toBe(code);
  });

  it.each(HOSTILE)('refuses %s inside a directory entry', (_, make, code) => {
    make(join(src, 'web', 'img', 'entry'));
    expect(codeOf(() => copyInputTree(join(src, 'web'), join(dir, 'out'), { what: 'asset dir', root: src, maxBytes: 4096 }))).toBe(code);
  });

  it('refuses a device given with its own directory as the root, and a link to a directory that contains it', () => {
    expect(codeOf(() => copyInputTree('/dev/zero', join(dir, 'zero'), { what: 'asset', root: '/dev' }))).toBe('FILE_NOT_REGULAR');
    symlinkSync('..', join(src, 'web', 'img', 'up'));
    expect(codeOf(() => copyInputTree(join(src, 'web'), join(dir, 'out'), { what: 'asset dir', root: src }))).toBe('FILE_NOT_REGULAR');
  });

  it('caps the whole tree, not only each file', () => {
    for (let i = 0; i < 4; i++) writeFileSync(join(src, 'web', 'img', `f${i}`), 'x'.repeat(1000));
    expect(codeOf(() => copyInputTree(join(src, 'web'), join(dir, 'out'), { what: 'asset dir', root: src, maxBytes: 3000 }))).toBe('FILE_TOO_LARGE');
    expect(codeOf(() => copyInputTree(join(src, 'web'), join(dir, 'out2'), { what: 'asset dir', root: src, maxBytes: 5000 }))).toBe('none');
  });

  it('leaves out the excluded directory, unchecked: a FIFO inside it neither blocks nor fails the copy', () => {
    mkdirSync(join(src, 'web', 'img', 'cache'));
    execFileSync('mkfifo', [join(src, 'web', 'img', 'cache', 'pipe')]);
    const copied = copyInputTree(src, join(dir, 'out'), { what: 'tree', exclude: join(src, 'web', 'img') });
    expect(copied.files).toBe(2);
    expect(readFileSync(join(dir, 'out', 'web', 'index.html'), 'utf8')).toBe('<h1>hi</h1>');
    expect(() => statSync(join(dir, 'out', 'web', 'img'))).toThrow();
    expect(codeOf(() => copyInputTree(src, join(dir, 'out2'), { what: 'tree' }))).toBe('FILE_NOT_REGULAR');
  });
});
