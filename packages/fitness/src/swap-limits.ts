// What a swap plan may not touch: dependencies the team keeps, replacements
// it refuses (and any replacement that would bring one of those in).
import { SdkError, type DependencyGraph, type NodeId } from '@deployment-manager/core/pure';
import { lookupEntry, normalizeName, type Catalog } from '@deployment-manager/catalog';

/** The nodes `keep` names (ids or names, aliases resolved); a name that matches no dependency throws `INVALID_ARGUMENT`. */
export function keptNodes(graph: DependencyGraph, catalog: Catalog, keep: readonly string[]): Set<NodeId> {
  const out = new Set<NodeId>();
  const canonical = (name: string): string => catalog.index.get(normalizeName(name)) ?? normalizeName(name);
  for (const k of keep) {
    const want = canonical(k.replace(/^resource:/, ''));
    const hits = graph.nodes.filter((n) => n.id !== graph.root && (n.id === k || canonical(n.name) === want));
    if (hits.length === 0) {
      throw new SdkError('INVALID_ARGUMENT', `keep names "${k}", which is not a dependency of ${graph.root}`, {
        hint: 'name a dependency of the graph by id (resource:postgres) or name',
        details: { keep: k },
      });
    }
    for (const n of hits) out.add(n.id);
  }
  return out;
}

/** The canonical catalog names `forbid` names; one the catalog does not know throws `INVALID_ARGUMENT`. */
export function forbiddenNames(catalog: Catalog, forbid: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const f of forbid) {
    const name = lookupEntry(catalog, f.replace(/^resource:/, ''))?.name;
    if (name === undefined) {
      throw new SdkError('INVALID_ARGUMENT', `forbid names "${f}", which is not in the capability catalog`, {
        hint: 'name a replacement the catalog knows, e.g. sqlite or openrouter',
        details: { forbid: f },
      });
    }
    out.add(name);
  }
  return out;
}

/** Whether a replacement is, or brings in through its catalog requirements, a forbidden one. */
export function brings(catalog: Catalog, name: string, forbidden: ReadonlySet<string>): boolean {
  if (forbidden.size === 0) return false;
  const seen = new Set<string>();
  const todo = [name];
  while (todo.length > 0) {
    const n = todo.pop() as string;
    if (seen.has(n)) continue;
    seen.add(n);
    if (forbidden.has(n)) return true;
    todo.push(...(lookupEntry(catalog, n)?.requires ?? []));
  }
  return false;
}

