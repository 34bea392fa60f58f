/** Path and template helpers shared by the plans. */

/** Converts Windows separators to `/` (manifests spell Windows paths with `\`). */
export function toPosixPath(path: string): string {
  return path.replace(/\\/g, '/');
}

/**
 * True when `path` (either separator) is relative, non-empty and never climbs
 * out of its root: no leading `/`, no drive letter, no `..` segment.
 */
export function isSafeRelativePath(path: string): boolean {
  const posix = toPosixPath(path);
  if (posix === '' || posix.startsWith('/') || /^[A-Za-z]:/.test(posix) || posix.includes('\0')) return false;
  return posix.split('/').every((segment) => segment !== '..');
}

/** Joins relative POSIX segments, dropping empty and `.` segments. */
export function joinPosix(...parts: readonly string[]): string {
  return parts
    .flatMap((p) => toPosixPath(p).split('/'))
    .filter((s) => s !== '' && s !== '.')
    .join('/');
}

/** Matches `{{name}}` placeholders of build patterns. */
const PLACEHOLDER = /\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}/g;

/** The placeholder names a template uses, in order of first appearance. */
export function templateNames(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}

/** Replaces `{{name}}` placeholders from `vars`; unknown names stay as written. */
export function expandTemplate(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(vars, name) ? (vars[name] ?? whole) : whole));
}
