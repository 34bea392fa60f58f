import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createArtifactWriter } from './artifact-writer.ts';
import { isSdkError } from './errors.ts';

let dirs: string[] = [];
const tmp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'dm-writer-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});
const ctx = (outDir: string) => ({ outDir, log: () => undefined, signal: new AbortController().signal });
const code = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (error) {
    return isSdkError(error) ? error.code : 'not an SdkError';
  }
};

describe('createArtifactWriter confinement', () => {
  it('refuses a path through a symlinked directory inside the output directory, and writes nothing outside', () => {
    const [out, outside] = [tmp(), tmp()];
    symlinkSync(outside, join(out, 'compose'));
    expect(code(() => createArtifactWriter(ctx(out), 't').write('compose/compose.yaml', 'x', 'text/plain'))).toBe('PACKAGER_OUTPUT_ESCAPE');
    expect(readdirSync(outside)).toEqual([]);
  });

  it('replaces a symlink at the artifact path instead of writing through it', () => {
    const [out, outside] = [tmp(), tmp()];
    writeFileSync(join(outside, 'victim'), 'keep');
    symlinkSync(join(outside, 'victim'), join(out, 'deploy.sh'));
    createArtifactWriter(ctx(out), 't').write('deploy.sh', 'new', 'application/x-sh', { executable: true });
    expect(readFileSync(join(outside, 'victim'), 'utf8')).toBe('keep');
    expect(lstatSync(join(out, 'deploy.sh')).isSymbolicLink()).toBe(false);
    expect(statSync(join(out, 'deploy.sh')).mode & 0o111).not.toBe(0);
    expect(readFileSync(join(out, 'deploy.sh'), 'utf8')).toBe('new');
  });

  it('never follows a link planted at a temporary name, and leaves no temporary file', () => {
    const [out, outside] = [tmp(), tmp()];
    mkdirSync(join(out, 'a'));
    for (let i = 0; i < 4; i++) symlinkSync(join(outside, `t${i}`), join(out, 'a', `.${process.pid}.tmp-${i}`));
    const w = createArtifactWriter(ctx(out), 't');
    for (let i = 0; i < 4; i++) w.write(`a/f${i}`, 'x', 'text/plain');
    expect(readdirSync(outside)).toEqual([]);
    expect(readdirSync(join(out, 'a')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses paths that escape by spelling', () => {
    const out = tmp();
    for (const p of ['../x', '/etc/passwd', 'a/../../x', '']) expect(code(() => createArtifactWriter(ctx(out), 't').write(p, 'x', 'text/plain'))).toBe('PACKAGER_OUTPUT_ESCAPE');
  });
});
