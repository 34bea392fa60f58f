/*
 * The one place packagers write files. Confinement is by resolved path, not
 * only by spelling: a symlink anywhere between the output directory and an
 * artifact would send the write elsewhere, so it is refused; every file is
 * written to a temporary file created exclusively (`wx`, a random name, so
 * nothing waiting at a predictable name is ever followed) and renamed into
 * place (rename replaces a link at the target instead of writing through it).
 */
import { createHash, randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { SdkError } from './errors.ts';
import { throwIfAborted, type PackContext, type PackagerArtifact } from './packager.ts';

/** Options of one {@link ArtifactWriter.write}. */
export interface WriteOptions {
  /** Write the file with mode 0755 (a script) instead of 0644. */
  readonly executable?: boolean;
}

/** Writes artifacts for a packager, confined to `ctx.outDir`. */
export interface ArtifactWriter {
  /** Writes one file (atomically) and returns its artifact record. */
  write(path: string, content: string | Uint8Array, mediaType: string, options?: WriteOptions): PackagerArtifact;
  /** Everything written so far, in write order. */
  readonly artifacts: readonly PackagerArtifact[];
}

function escape(path: string, why: string): SdkError {
  return new SdkError('PACKAGER_OUTPUT_ESCAPE', `artifact path "${path}" ${why}`, { hint: 'use a relative path inside outDir without ".." segments, and remove symlinks inside the output directory' });
}

/** Creates `dir` under `root` one level at a time, refusing any level that is a symlink or not a directory. */
function ensureDirectory(root: string, rel: string, path: string): void {
  let current = root;
  for (const segment of rel.split(sep).filter((s) => s !== '')) {
    current = join(current, segment);
    let stat;
    try {
      stat = lstatSync(current);
    } catch {
      mkdirSync(current);
      continue;
    }
    if (stat.isSymbolicLink()) throw escape(path, `goes through the symlink "${relative(root, current)}" inside the output directory`);
    if (!stat.isDirectory()) throw escape(path, `goes through "${relative(root, current)}", which is not a directory`);
  }
}

/**
 * Creates an {@link ArtifactWriter} that refuses paths escaping `ctx.outDir`
 * by spelling or through a symlink (`PACKAGER_OUTPUT_ESCAPE`), checks the
 * abort signal before each write, writes each file through an exclusively
 * created temporary file, and hashes exactly the bytes it writes.
 *
 * @example
 * ```ts
 * const out = createArtifactWriter(ctx, 'cloud');
 * out.write('compose.yaml', text, 'application/yaml');
 * out.write('deploy.sh', script, 'application/x-sh', { executable: true });
 * return { artifacts: out.artifacts, notes: [] };
 * ```
 */
export function createArtifactWriter(ctx: PackContext, packager: string): ArtifactWriter {
  const artifacts: PackagerArtifact[] = [];
  let root: string | undefined;
  return {
    artifacts,
    write(path, content, mediaType, options = {}) {
      throwIfAborted(ctx.signal, packager);
      const lexicalRoot = resolve(ctx.outDir);
      const rel = relative(lexicalRoot, resolve(lexicalRoot, path));
      if (isAbsolute(path) || rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw escape(path, 'escapes the output directory');
      // The output directory itself may be a link the caller chose; everything below it is checked.
      mkdirSync(lexicalRoot, { recursive: true });
      root ??= realpathSync(lexicalRoot);
      const target = join(root, rel);
      ensureDirectory(root, dirname(rel), path);
      let existing;
      try {
        existing = lstatSync(target);
      } catch {
        existing = undefined;
      }
      if (existing?.isDirectory() === true) throw escape(path, 'is a directory inside the output directory');
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
      const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(8).toString('hex')}.tmp`);
      try {
        writeFileSync(tmp, bytes, { flag: 'wx', mode: options.executable === true ? 0o755 : 0o644 });
        renameSync(tmp, target);
      } catch (error) {
        rmSync(tmp, { force: true });
        throw new SdkError('FILE_WRITE_FAILED', `could not write artifact "${path}"`, { hint: 'check that the output directory is writable', cause: error });
      }
      const artifact: PackagerArtifact = {
        path: rel.split(sep).join('/'),
        mediaType,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        bytes: bytes.byteLength,
      };
      artifacts.push(artifact);
      return artifact;
    },
  };
}
