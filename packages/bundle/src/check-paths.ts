import type { Diagnostic } from '@deployment-manager/core/pure';
import { asArray, asObject, asString, entriesOf, finding, type Segments } from './findings.ts';
import type { ManifestTarget } from './manifest.ts';

/**
 * Where a relative path lands: `undefined` when it stays inside its root,
 * otherwise why it does not (absolute, drive letter, UNC, or `..` climbing
 * above the root). Backslashes count as separators (manifests carry Windows
 * paths); a leading `${bundle}/` or `${data}/` roots the path and is dropped.
 */
export function pathEscape(path: string): string | undefined {
  // (A bare `${data}` needs no dropping: as one segment it stays inside like any name.)
  const p = path.replace(/\\/g, '/').replace(/^\$\{(bundle|data)\}\//, '');
  if (p.startsWith('/')) return 'is absolute';
  if (/^[A-Za-z]:/.test(p)) return 'has a drive letter';
  if (p.startsWith('~')) return 'starts at a home directory';
  let depth = 0;
  for (const seg of p.split('/')) {
    if (seg === '..') {
      depth -= 1;
      if (depth < 0) return 'climbs above its root with ..';
    } else if (seg !== '' && seg !== '.') {
      depth += 1;
    }
  }
  return undefined;
}

function collect(target: ManifestTarget, m: Readonly<Record<string, unknown>>): { value: string; path: Segments }[] {
  const out: { value: string; path: Segments }[] = [];
  const one = (v: unknown, path: Segments): void => {
    const s = asString(v);
    if (s !== undefined) out.push({ value: s, path });
  };
  const many = (v: unknown, path: Segments): void => asArray(v).forEach((x, i) => one(x, [...path, i]));
  if (target === 'desktop') {
    one(asObject(m['telemetry'])?.['file'], ['telemetry', 'file']);
    one(asObject(m['ipc'])?.['auth_token_path'], ['ipc', 'auth_token_path']);
    many(m['catalog_requirements'], ['catalog_requirements']);
    asArray(m['services']).forEach((raw, i) => {
      const s = asObject(raw);
      const base: Segments = ['services', i];
      for (const [key, bin] of entriesOf(s?.['binaries'])) {
        one(asObject(bin)?.['path'], [...base, 'binaries', key, 'path']);
        one(asObject(bin)?.['cwd'], [...base, 'binaries', key, 'cwd']);
      }
      many(s?.['data_dirs'], [...base, 'data_dirs']);
      one(s?.['log_dir'], [...base, 'log_dir']);
      asArray(s?.['assets']).forEach((a, j) => one(asObject(a)?.['path'], [...base, 'assets', j, 'path']));
      many(s?.['asset_dirs'], [...base, 'asset_dirs']);
      one(s?.['dist_root'], [...base, 'dist_root']);
      one(asObject(s?.['build'])?.['source_dir'], [...base, 'build', 'source_dir']);
      one(asObject(s?.['build'])?.['output_pattern'], [...base, 'build', 'output_pattern']);
    });
  } else if (target === 'cloud') {
    asArray(m['services']).forEach((raw, i) => {
      const build = asObject(asObject(raw)?.['build']);
      one(build?.['context'], ['services', i, 'build', 'context']);
      one(build?.['dockerfile'], ['services', i, 'build', 'dockerfile']);
    });
  } else {
    one(asObject(m['web'])?.['dir'], ['web', 'dir']);
    one(asObject(m['web'])?.['index'], ['web', 'index']);
  }
  return out;
}

/** Every bundle-relative path of the manifest stays inside its root. */
export function checkPaths(target: ManifestTarget, manifest: Readonly<Record<string, unknown>>): Diagnostic[] {
  return collect(target, manifest).flatMap(({ value, path }) => {
    const why = pathEscape(value);
    return why === undefined ? [] : [finding('PATH_ESCAPES_ROOT', path, `path "${value}" ${why}`, 'use a path relative to the bundle root without climbing out of it')];
  });
}
