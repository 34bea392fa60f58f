// Where each dependency of a mobile app runs, decided once at assembly and
// carried in the manifest: on the device (embedded), on a server (a remote
// service, or behind the app's backend), as a hosted API, or nowhere - with the
// fitness reasons, the replacement and the secrets that stay on the server.
// The mobile packager renders these; it decides nothing again.
import { lookupEntry, secretIdOf, type Catalog, type CatalogEntry } from '@deployment-manager/catalog';
import { compareIds, parseNodeId, type NodeId } from '@deployment-manager/core/pure';
import { lacking, resolveEntry, scoreGraph, suggestSwaps } from '@deployment-manager/fitness';
import type { PlannedSecret } from '@deployment-manager/secrets/pure';
import type { AssemblyPlan } from './assembly-plan.ts';
import type { MobilePlacement, MobilePlacementKind, MobileReplacement, MobileServerSecret } from './manifest-mobile.ts';

/** What {@link placeMobile} decides. */
export interface MobilePlacementResult {
  /** Every dependency of the app (disabled ones left out), sorted by node id. */
  readonly placements: readonly MobilePlacement[];
  /** Planned secrets whose owners all run on servers, sorted by id. */
  readonly serverSecrets: readonly MobileServerSecret[];
}

/** Whether a catalog record is a hosted API or managed service. */
function isHostedRecord(entry: CatalogEntry | undefined): boolean {
  return entry?.hosting === 'hosted-api';
}

/** Whether a placement is off the device (on a server of ours or a hosted API). */
export function isServerSide(kind: MobilePlacementKind): boolean {
  return kind === 'remote' || kind === 'behind' || kind === 'hosted';
}

/**
 * Places every dependency of the original graph for a mobile app whose
 * backend (the scenario's API) is `backend`: a swap is followed to its
 * replacement, then an embedded library wins, then a hosted API, then the
 * backend (every other server runs behind it); anything else is `unplaced`.
 * Each placement carries the fitness reasons on the mobile tier and the
 * replacement; secrets whose owners all run on servers stay there. Pure.
 */
export function placeMobile(plan: AssemblyPlan, backend: string | undefined, embedded: ReadonlySet<string>): MobilePlacementResult {
  const { graph, catalog } = plan;
  const fitness = scoreGraph(graph, { tiers: ['mobile'], catalog }).dependencies.filter((d) => d.role !== 'disabled');
  const suggestions = suggestSwaps(graph, 'mobile', { catalog });
  const swapOf = new Map(plan.swaps.map((s) => [s.original, s.replacement] as const));
  const placements = fitness.map((line): MobilePlacement => {
    const { kind: nodeKind, name } = parseNodeId(line.id);
    const swappedTo = swapOf.get(name);
    const from = resolveEntry(catalog, { kind: nodeKind, name });
    const runsAs = swappedTo ?? name;
    let kind: MobilePlacementKind = 'unplaced';
    let via: string | undefined;
    if (nodeKind === 'resource' && embedded.has(lookupEntry(catalog, runsAs)?.name ?? runsAs)) [kind, via] = ['embedded', lookupEntry(catalog, runsAs)?.name ?? runsAs];
    else if (isHostedRecord(lookupEntry(catalog, runsAs))) kind = 'hosted';
    else if (backend !== undefined) [kind, via] = ['behind', backend];
    const hosted = suggestions
      .filter((s) => s.from === line.id && isHostedRecord(lookupEntry(catalog, s.to)))
      .map((s): MobileReplacement => ({ name: s.to, source: 'swap-catalog', hosted: true, effort: s.effort, note: s.note, lacks: s.lacks, gain: s.gain }));
    let replacement: MobileReplacement | null = hosted[0] ?? null;
    if (swappedTo !== undefined) {
      const to = lookupEntry(catalog, swappedTo);
      const offer = from?.swaps.find((r) => r.to === (to?.name ?? swappedTo));
      replacement = {
        name: to?.name ?? swappedTo,
        source: 'manifest',
        hosted: isHostedRecord(to),
        ...(offer === undefined ? {} : { effort: offer.effort, note: offer.note }),
        lacks: from !== undefined && to !== undefined ? lacking(from, to) : [],
      };
    }
    const score = line.tiers.mobile;
    return {
      dependency: name,
      node: line.id,
      kind,
      ...(via === undefined ? {} : { via }),
      ...(swappedTo === undefined ? {} : { swapped_to: swappedTo }),
      catalog: line.entry ?? from?.name ?? null,
      hosted: isHostedRecord(from),
      required: line.role === 'required',
      must_move: score === undefined ? true : !score.supported,
      why: (score?.reasons ?? []).map((r) => ({ fact: r.fact, blocker: r.blocker, message: r.message })),
      replacement,
      alternatives: hosted.filter((h) => h.name !== replacement?.name),
    };
  });
  return { placements: placements.sort((a, b) => compareIds(a.node, b.node)), serverSecrets: serverSecrets(plan, placements, backend, catalog) };
}

/** The variable a planned secret is read from: its target, else its catalog record's, else the name part of `<scenario>.<NAME>`. */
function plannedEnv(secret: PlannedSecret, catalog: Catalog): string {
  const target = secret.targets[0]?.name;
  if (target !== undefined) return target;
  for (const source of secret.sources) {
    const entry = lookupEntry(catalog, parseNodeId(source).name);
    const fact = entry?.secrets?.find((r) => secretIdOf(entry, r) === secret.id);
    if (fact !== undefined) return fact.env;
  }
  const dot = secret.id.indexOf('.');
  return dot === -1 ? secret.id : secret.id.slice(dot + 1);
}

/** Planned secrets whose owners all run on a server (the root scenario runs on its backend): they stay there. */
function serverSecrets(plan: AssemblyPlan, placements: readonly MobilePlacement[], backend: string | undefined, catalog: Catalog): MobileServerSecret[] {
  const root = plan.graph.root;
  const placed = new Map<string, MobilePlacement>();
  for (const p of placements) {
    placed.set(p.node, p);
    if (p.swapped_to !== undefined) placed.set(`resource:${lookupEntry(catalog, p.swapped_to)?.name ?? p.swapped_to}`, p);
  }
  const holder = (source: NodeId): { node: string; name: string; via: string } | undefined => {
    if (source === root) return backend === undefined ? undefined : { node: root, name: parseNodeId(root).name, via: backend };
    const p = placed.get(source);
    return p !== undefined && isServerSide(p.kind) && p.via !== undefined ? { node: p.node, name: p.dependency, via: p.via } : undefined;
  };
  const out: MobileServerSecret[] = [];
  for (const s of plan.secretPlan.secrets) {
    const holders = s.sources.map(holder);
    const owner = holders[0];
    if (owner === undefined || holders.some((h) => h === undefined)) continue;
    const env = plannedEnv(s, catalog);
    out.push({ id: s.id, env, kind: s.kind, dependency: owner.node, held_by: owner.via, reason: `${owner.name} runs on the server of "${owner.via}", so its ${env} stays there and the app never holds it` });
  }
  return out.sort((a, b) => compareIds(a.id, b.id));
}
