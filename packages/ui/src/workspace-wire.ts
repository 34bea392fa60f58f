// A loaded Workspace as JSON for the browser, and back: the server loads the
// files, the page rebuilds graphs, scores and manifests from the same data.
import type { Diagnostic, ResourceSpec, ScenarioSpec, Workspace, WorkspaceLayout } from '@deployment-manager/core/pure';

/** A {@link Workspace} as plain JSON: its maps as entry lists. */
export interface WorkspaceWire {
  /** Where it was read from (shown, never used as a path by the page). */
  readonly root: string;
  /** Layout detected. */
  readonly layout: WorkspaceLayout;
  /** Scenarios, sorted by name. */
  readonly scenarios: readonly ScenarioSpec[];
  /** Resources, sorted by name. */
  readonly resources: readonly ResourceSpec[];
  /** The loaders' diagnostics. */
  readonly diagnostics: readonly Diagnostic[];
}

const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The JSON form of a workspace (maps as lists sorted by name). */
export function workspaceToWire(workspace: Workspace): WorkspaceWire {
  return {
    root: workspace.root,
    layout: workspace.layout,
    scenarios: [...workspace.scenarios.values()].sort(byName),
    resources: [...workspace.resources.values()].sort(byName),
    diagnostics: workspace.diagnostics,
  };
}

/** A workspace again from its JSON form: `workspaceFromWire(workspaceToWire(w))` equals `w`. */
export function workspaceFromWire(wire: WorkspaceWire): Workspace {
  return {
    root: wire.root,
    layout: wire.layout,
    scenarios: new Map(wire.scenarios.map((s) => [s.name, s])),
    resources: new Map(wire.resources.map((r) => [r.name, r])),
    diagnostics: wire.diagnostics,
  };
}
