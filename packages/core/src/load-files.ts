import { readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from './diagnostics.ts';
import { loaderDiagnostic } from './parse-diagnostics.ts';
import { inputByteLimit, readBoundedFile, textOfBytes } from './read-bounded.ts';

/** The outcome of reading one file: its text, or the diagnostic that explains why not. */
type ReadTextResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly diagnostic: Diagnostic };

/** The outcome of reading one JSON file: its value, or the diagnostic that explains why not. */
export type ReadJsonResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly diagnostic: Diagnostic };

/** `statSync` that follows links and answers undefined instead of throwing. */
export function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** True when `path` is (or links to) a regular file. */
export function isFile(path: string): boolean {
  return statOrUndefined(path)?.isFile() ?? false;
}

/** True when `path` is (or links to) a directory. */
export function isDirectory(path: string): boolean {
  return statOrUndefined(path)?.isDirectory() ?? false;
}

/**
 * Names of the sub-directories of `dir` (following links, skipping hidden
 * ones), sorted by code unit; `undefined` when `dir` cannot be listed.
 */
export function listDirectories(dir: string): string[] | undefined {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return undefined;
  }
  return names.filter((n) => !n.startsWith('.') && isDirectory(join(dir, n))).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Reads a UTF-8 text file (BOM stripped): a regular file of at most `maxBytes` (default {@link inputByteLimit}), never a FIFO or a device. */
function readTextFile(absPath: string, file: string, maxBytes: number = inputByteLimit()): ReadTextResult {
  const r = readBoundedFile(absPath, maxBytes);
  if (r.ok) return { ok: true, text: textOfBytes(r.bytes) };
  if (r.reason === 'too-large') return { ok: false, diagnostic: loaderDiagnostic('FILE_TOO_LARGE', `${file} is over the ${maxBytes}-byte limit`, { file }) };
  if (r.reason === 'not-regular') return { ok: false, diagnostic: loaderDiagnostic('FILE_NOT_REGULAR', `${file} is not a regular file`, { file }) };
  const why = r.reason === 'missing' ? 'does not exist' : `could not be read (${r.errno ?? 'unknown error'})`;
  return { ok: false, diagnostic: loaderDiagnostic('FILE_UNREADABLE', `${file} ${why}`, { file }) };
}

/** `line L, column C` (both from 1) of a character offset, for people reading a parse error. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/** Reads and parses a JSON file; syntax errors become a `PARSE_FAILED` diagnostic (with line and column). */
export function readJsonFile(absPath: string, file: string): ReadJsonResult {
  const read = readTextFile(absPath, file);
  if (!read.ok) return read;
  try {
    return { ok: true, value: JSON.parse(read.text) as unknown };
  } catch (error) {
    // Engine messages quote file content (possibly a secret); keep only the position.
    const position = error instanceof Error ? /position (\d+)/.exec(error.message)?.[1] : undefined;
    const where = position === undefined ? '' : ` (${lineAndColumn(read.text, Number(position))})`;
    return { ok: false, diagnostic: loaderDiagnostic('PARSE_FAILED', `${file} is not valid JSON${where}`, { file }) };
  }
}
