import { closestMatch, type Diagnostic } from '@deployment-manager/core/pure';
import { finding } from './findings.ts';
import { STATIC_PLACEHOLDERS } from './known-values.ts';
import type { ManifestTarget } from './manifest.ts';
import type { ServiceView } from './manifest-view.ts';

/** One `${...}` occurrence in a string. */
export interface Placeholder {
  /** The text between `${` and `}`, or undefined when unterminated. */
  readonly token: string | undefined;
  /** Offset of the `$`. */
  readonly index: number;
}

/** Every `${...}` placeholder in `text`, in order (an unterminated one has no token). */
export function findPlaceholders(text: string): Placeholder[] {
  const out: Placeholder[] = [];
  let i = text.indexOf('${');
  while (i !== -1) {
    const end = text.indexOf('}', i + 2);
    if (end === -1) {
      out.push({ token: undefined, index: i });
      break;
    }
    out.push({ token: text.slice(i + 2, end), index: i });
    i = text.indexOf('${', end + 1);
  }
  return out;
}

/**
 * Every placeholder in a rendered string resolves: a static of the target
 * (`${data}`, `${bundle}` on desktop) or `${service.port}` naming a declared
 * port of a declared service. Unresolved ones are errors, one per occurrence.
 */
export function checkPlaceholders(target: ManifestTarget, views: readonly ServiceView[]): Diagnostic[] {
  const statics = new Set(STATIC_PLACEHOLDERS[target]);
  const ports = new Map<string, Set<string>>();
  for (const v of views) {
    // A duplicated id is reported elsewhere; here its ports are merged so one finding is not reported twice.
    if (v.id !== undefined) ports.set(v.id, new Set([...(ports.get(v.id) ?? []), ...v.ports.map((p) => p.value)]));
  }
  const ids = [...ports.keys()].sort();
  const out: Diagnostic[] = [];
  for (const v of views) {
    for (const s of v.templated) {
      for (const p of findPlaceholders(s.value)) {
        if (p.token === undefined || p.token.trim() === '') {
          out.push(finding('PLACEHOLDER_MALFORMED', s.path, `"${s.value}" has an empty or unterminated placeholder`, 'write placeholders as ${service.port}'));
          continue;
        }
        if (statics.has(p.token)) continue;
        const dot = p.token.lastIndexOf('.');
        const svc = dot === -1 ? p.token : p.token.slice(0, dot);
        const port = dot === -1 ? undefined : p.token.slice(dot + 1);
        const declared = ports.get(svc);
        if (declared !== undefined && port !== undefined && declared.has(port)) continue;
        let hint: string;
        if (declared === undefined) {
          const near = closestMatch(svc, ids);
          hint = near === undefined ? `services: ${ids.join(', ')}` : `no service "${svc}"; did you mean \${${near}.${port ?? '<port>'}}?`;
        } else {
          hint = declared.size === 0 ? `service "${svc}" declares no ports` : `ports of "${svc}": ${[...declared].join(', ')}`;
        }
        const statics_ = STATIC_PLACEHOLDERS[target];
        if (dot === -1 && statics_.length > 0) hint += `; statics: ${statics_.map((x) => '${' + x + '}').join(', ')}`;
        out.push(finding('PLACEHOLDER_UNRESOLVED', s.path, `placeholder \${${p.token}} resolves to nothing`, hint));
      }
    }
  }
  return out;
}
