/*
 * An append-only text file rotated by size: when the next write would pass
 * `maxBytes`, `f` becomes `f.1`, `f.1` becomes `f.2`... and the oldest beyond
 * `keep` is dropped. Writes are synchronous appends so a line is on disk
 * before the supervisor can die, and files are created 0600.
 */
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** A size-rotated append-only file. */
export interface RotatingFile {
  /** Absolute path of the live file. */
  readonly path: string;
  /**
   * Appends text (the caller adds newlines). Never throws - a log must not stop the app: a folder or
   * file removed while the app runs is made again, and `false` says the disk refused the text.
   */
  write(text: string): boolean;
}

/**
 * Opens (creating its directory) a {@link RotatingFile}.
 *
 * @example
 * ```ts
 * const log = createRotatingFile('/app/logs/api/api.log', { maxBytes: 5 << 20, keep: 3 });
 * log.write('listening\n');
 * ```
 */
export function createRotatingFile(path: string, options: { readonly maxBytes: number; readonly keep: number }): RotatingFile {
  const makeFolder = (): void => void mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const append = (text: string): void => appendFileSync(path, text, { mode: 0o600 });
  makeFolder();
  let size = 0;
  try {
    size = statSync(path).size;
  } catch {
    size = 0;
  }
  const rotate = (): void => {
    rmSync(`${path}.${options.keep}`, { force: true });
    for (let i = options.keep - 1; i >= 1; i--) {
      try {
        renameSync(`${path}.${i}`, `${path}.${i + 1}`);
      } catch {
        // that generation does not exist yet
      }
    }
    if (options.keep >= 1) renameSync(path, `${path}.1`);
    else rmSync(path, { force: true });
    size = 0;
  };
  return {
    path,
    write(text) {
      const bytes = Buffer.byteLength(text);
      try {
        if (size > 0 && size + bytes > options.maxBytes) rotate();
        append(text);
        size += bytes;
        return true;
      } catch {
        // Someone removed the folder or the live file (clearing logs while the app runs): start again.
        try {
          makeFolder();
          append(text);
          size = statSync(path).size;
          return true;
        } catch {
          return false;
        }
      }
    },
  };
}
