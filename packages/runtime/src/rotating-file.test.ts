import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRotatingFile } from './rotating-file.ts';

describe('createRotatingFile', () => {
  it('rotates by size, keeps the newest generations, loses no line and drops the oldest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-rotate-'));
    try {
      const path = join(dir, 'logs', 'api.log');
      const file = createRotatingFile(path, { maxBytes: 100, keep: 2 });
      const lines = Array.from({ length: 40 }, (_, i) => `line ${String(i).padStart(3, '0')}\n`); // 9 bytes each
      for (const l of lines) file.write(l);
      for (const p of [path, `${path}.1`, `${path}.2`]) expect(statSync(p).size).toBeLessThanOrEqual(100);
      expect(existsSync(`${path}.3`)).toBe(false);
      const kept = [`${path}.2`, `${path}.1`, path].map((p) => readFileSync(p, 'utf8')).join('');
      expect(lines.join('').endsWith(kept)).toBe(true);
      expect(statSync(path).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never throws: makes a removed folder or live file again, and says false when the disk refuses', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-rotate-'));
    try {
      const path = join(dir, 'logs', 'api.log');
      const file = createRotatingFile(path, { maxBytes: 20, keep: 1 });
      expect(file.write('first line\n')).toBe(true);
      rmSync(join(dir, 'logs'), { recursive: true });
      expect(file.write('after the folder went\n')).toBe(true);
      expect(readFileSync(path, 'utf8')).toBe('after the folder went\n');
      rmSync(path); // the next write rotates a live file that is gone
      expect(file.write('after the file went\n')).toBe(true);
      expect(readFileSync(path, 'utf8')).toBe('after the file went\n');
      const blocked = createRotatingFile(join(dir, 'blocked', 'x.log'), { maxBytes: 100, keep: 1 });
      rmSync(join(dir, 'blocked'), { recursive: true });
      writeFileSync(join(dir, 'blocked'), 'a file where the folder was');
      expect(blocked.write('nowhere to go\n')).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
