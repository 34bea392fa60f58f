import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '@deployment-manager/core';
import { workspaceFromWire, workspaceToWire } from './workspace-wire.ts';

const example = fileURLToPath(new URL('../../../examples/end-to-end/workspace', import.meta.url));

describe('workspace wire form', () => {
  it('round-trips a loaded workspace through JSON text', () => {
    const workspace = loadWorkspace(example);
    const back = workspaceFromWire(JSON.parse(JSON.stringify(workspaceToWire(workspace))));
    expect(back).toEqual(workspace);
    expect([...back.scenarios.keys()].sort()).toEqual([...workspace.scenarios.keys()].sort());
  });
});
