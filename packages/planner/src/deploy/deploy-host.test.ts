import { describe, expect, it } from 'vitest';
import { runCommand } from './deploy-host.ts';

describe.skipIf(process.platform === 'win32')('runCommand', () => {
  it('kills a command whose output passes maxOutputBytes and says so, keeping only bytes under the cap', async () => {
    const r = await runCommand({ argv: ['cat', '/dev/zero'] }, { maxOutputBytes: 100_000, timeoutMs: 60_000 });
    expect(r).toMatchObject({ code: null, truncated: true });
    expect(Buffer.byteLength(r.stdout)).toBeLessThanOrEqual(100_000);
  });

  it('passes output under the cap through whole', async () => {
    const r = await runCommand({ argv: ['printf', 'a%.0s', '1', '2', '3'] }, { maxOutputBytes: 3 });
    expect(r).toEqual({ code: 0, stdout: 'aaa', stderr: '' });
  });
});
