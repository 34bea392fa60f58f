import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
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
});
