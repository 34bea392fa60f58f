import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { SdkError } from './errors.ts';
import { throwIfAborted, type PackContext, type PackagerArtifact } from './packager.ts';

/** Writes artifacts for a packager, confined to `ctx.outDir`. */
export interface ArtifactWriter {
  /** Writes one file (atomically) and returns its artifact record. */
  write(path: string, content: string | Uint8Array, mediaType: string): PackagerArtifact;
  /** Everything written so far, in write order. */
  readonly artifacts: readonly PackagerArtifact[];
}

/**
 * Creates an {@link ArtifactWriter} that refuses paths escaping `ctx.outDir`
 * (`PACKAGER_OUTPUT_ESCAPE`), checks the abort signal before each write, and
 * hashes exactly the bytes it writes.
 *
 * @example
 * ```ts
 * const out = createArtifactWriter(ctx, 'cloud');
 * out.write('compose.yaml', text, 'application/yaml');
 * return { artifacts: out.artifacts, notes: [] };
 * ```
 */
export function createArtifactWriter(ctx: PackContext, packager: string): ArtifactWriter {
  const root = resolve(ctx.outDir);
  const artifacts: PackagerArtifact[] = [];
  return {
    artifacts,
    write(path, content, mediaType) {
      throwIfAborted(ctx.signal, packager);
      const target = resolve(root, path);
      const rel = relative(root, target);
      if (isAbsolute(path) || rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
        throw new SdkError('PACKAGER_OUTPUT_ESCAPE', `artifact path "${path}" escapes the output directory`, { hint: 'use a relative path inside outDir without ".." segments' });
      }
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
      mkdirSync(dirname(target), { recursive: true });
      const tmp = join(dirname(target), `.${process.pid}.tmp-${artifacts.length}`);
      writeFileSync(tmp, bytes);
      renameSync(tmp, target);
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
