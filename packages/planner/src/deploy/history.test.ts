import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fc, test as prop } from '@fast-check/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { DEPLOY_OUTCOMES, appendHistory, historyLine, latestRecords, parseHistory, readHistory, type DeployRecord } from './history.ts';

const dir = mkdtempSync(join(tmpdir(), 'dm-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const record: fc.Arbitrary<DeployRecord> = fc.record({
  format: fc.constant('deployment-manager.deploy/1' as const),
  id: fc.string({ minLength: 1, maxLength: 12 }),
  time: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  action: fc.constantFrom('deploy' as const, 'rollback' as const),
  scenario: fc.string(),
  version: fc.string(),
  environment: fc.string(),
  target: fc.string(),
  host: fc.string(),
  manifestSha256: fc.stringMatching(/^[0-9a-f]{64}$/),
  who: fc.string(),
  outcome: fc.constantFrom(...DEPLOY_OUTCOMES),
  durationMs: fc.nat(),
});

describe('parseHistory', () => {
  prop.prop([fc.array(record, { maxLength: 8 })])('reads back every whole line, hostile strings included', (records) => {
    const read = parseHistory(records.map(historyLine).join(''));
    expect(read.records).toEqual(records);
    expect(read.warnings).toEqual([]);
  });

  prop.prop([fc.array(record, { maxLength: 8 }), record, fc.nat()])('skips a torn last line with one warning and keeps the rest', (records, next, cut) => {
    const line = historyLine(next);
    const torn = line.slice(0, cut % (line.length - 1));
    const read = parseHistory(records.map(historyLine).join('') + torn);
    expect(read.records).toEqual(records);
    expect(read.warnings).toHaveLength(torn === '' ? 0 : 1);
  });

  it('keeps the final record of each deploy, or its started record when it never ended', () => {
    const r = (id: string, outcome: DeployRecord['outcome']): DeployRecord => ({ format: 'deployment-manager.deploy/1', id, time: '2026-01-01T00:00:00.000Z', action: 'deploy', scenario: 's', version: '1', environment: 'e', target: 'local', host: 'local', manifestSha256: 'a'.repeat(64), who: 'w', outcome, durationMs: 0 });
    expect(latestRecords([r('a', 'started'), r('b', 'started'), r('a', 'success')]).map((x) => `${x.id} ${x.outcome}`)).toEqual(['a success', 'b started']);
  });
});

describe('appendHistory', () => {
  it('starts a fresh line after a torn one, so only the torn line is lost', () => {
    const file = join(dir, 'torn.jsonl');
    const r: DeployRecord = { format: 'deployment-manager.deploy/1', id: 'one', time: '2026-01-01T00:00:00.000Z', action: 'deploy', scenario: 's', version: '1', environment: 'e', target: 'local', host: 'local', manifestSha256: 'b'.repeat(64), who: 'w', outcome: 'success', durationMs: 1 };
    appendHistory(file, r);
    appendFileSync(file, historyLine({ ...r, id: 'torn' }).slice(0, 40));
    appendHistory(file, { ...r, id: 'two' });
    const read = readHistory(file);
    expect(read.records.map((x) => x.id)).toEqual(['one', 'two']);
    expect(read.warnings).toEqual(['line 2 is not valid JSON: skipped']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('survives a writer killed with SIGKILL mid-stream: every line but at most the last is whole, and appending goes on', async () => {
    const file = join(dir, 'killed.jsonl');
    const writer = fileURLToPath(new URL('../../test/history-writer.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', writer, file], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((r) => child.once('exit', (_, signal) => r(signal)));
    try {
      // Bounded: at most 60 s for 50 records.
      for (let i = 0; i < 600; i++) {
        let lines = 0;
        try {
          lines = readFileSync(file, 'utf8').split('\n').length - 1;
        } catch {
          // not created yet
        }
        if (lines >= 50) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      child.kill('SIGKILL');
    }
    expect(await exited).toBe('SIGKILL');
    const read = readHistory(file);
    expect(read.records.length).toBeGreaterThanOrEqual(50);
    expect(read.records.map((r) => r.durationMs)).toEqual(read.records.map((_, i) => i));
    expect(read.warnings.every((w) => w.includes('torn'))).toBe(true);
    appendHistory(file, { ...(read.records[0] as DeployRecord), id: 'after-kill' });
    expect(readHistory(file).records.at(-1)?.id).toBe('after-kill');
  });
});

describe.skipIf(process.platform === 'win32')('the history file is read and written bounded, regular files only', () => {
  const sample: DeployRecord = { format: 'deployment-manager.deploy/1', id: 'x', time: '2026-01-01T00:00:00.000Z', action: 'deploy', scenario: 's', version: '1', environment: 'e', target: 'local', host: 'h', manifestSha256: '0'.repeat(64), who: 'w', outcome: 'success', durationMs: 1 };

  it('refuses a FIFO or a device at the history path instead of blocking or reading forever', () => {
    const fifo = join(dir, 'fifo.jsonl');
    execFileSync('mkfifo', [fifo]);
    expect(() => readHistory(fifo)).toThrow(expect.objectContaining({ code: 'FILE_NOT_REGULAR' }));
    expect(() => readHistory('/dev/zero')).toThrow(expect.objectContaining({ code: 'FILE_NOT_REGULAR' }));
    expect(() => appendHistory(fifo, sample)).toThrow(expect.objectContaining({ code: 'FILE_NOT_REGULAR' }));
  });

  it('refuses a history over DM_MAX_INPUT_BYTES with FILE_TOO_LARGE, and still skips a torn last line under it', () => {
    const file = join(dir, 'capped.jsonl');
    appendHistory(file, sample);
    appendFileSync(file, '{"torn');
    const size = statSync(file).size;
    const before = process.env['DM_MAX_INPUT_BYTES'];
    try {
      process.env['DM_MAX_INPUT_BYTES'] = String(size);
      expect(readHistory(file)).toMatchObject({ records: [sample], warnings: [expect.stringContaining('torn')] });
      process.env['DM_MAX_INPUT_BYTES'] = String(size - 1);
      expect(() => readHistory(file)).toThrow(expect.objectContaining({ code: 'FILE_TOO_LARGE' }));
    } finally {
      if (before === undefined) delete process.env['DM_MAX_INPUT_BYTES'];
      else process.env['DM_MAX_INPUT_BYTES'] = before;
    }
  });
});
