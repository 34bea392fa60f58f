/*
 * The release history: one JSON line per deploy or rollback, appended to a
 * JSONL file. Each line is one write(2) on a descriptor opened with O_APPEND,
 * then fsync, so a process killed at any moment (SIGKILL included) leaves
 * whole lines behind, at worst followed by one torn line that the reader
 * skips with a warning - and the next append starts on a fresh line.
 */
import { closeSync, constants, fstatSync, fsyncSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { SdkError, boundedReadError, inputByteLimit, isSdkError, readBoundedFile, textOfBytes } from '@deployment-manager/core';
import type { SshTarget } from './deploy-host.ts';

/** Outcomes a history record can have. */
export const DEPLOY_OUTCOMES = ['started', 'success', 'failed', 'rolled-back'] as const;

/** How a deploy or rollback ended (`started`: the first record of one, written before anything runs). */
export type DeployOutcome = (typeof DEPLOY_OUTCOMES)[number];

/** One line of the history. */
export interface DeployRecord {
  /** Format id. */
  readonly format: 'deployment-manager.deploy/1';
  /** Identifies one deploy: its `started` record and its final record share it. */
  readonly id: string;
  /** When this record was written (ISO 8601). */
  readonly time: string;
  /** `deploy` or `rollback`. */
  readonly action: 'deploy' | 'rollback';
  /** Scenario (app) name. */
  readonly scenario: string;
  /** App version. */
  readonly version: string;
  /** Environment name. */
  readonly environment: string;
  /** Deploy target (`local`, `vps`, `compose`, `k8s`, `do`, `aws`). */
  readonly target: string;
  /** Where it went: `local`, `user@host:port`, a Docker or Kubernetes context. */
  readonly host: string;
  /** The deploy root on the host (release targets). */
  readonly root?: string;
  /** How the host was reached (vps): destination, port, key file and ssh options - never a secret. */
  readonly ssh?: SshTarget;
  /** SHA-256 of the manifest deployed (the release id). */
  readonly manifestSha256: string;
  /** The release that served before, when known. */
  readonly previousSha256?: string;
  /** Who ran it (`user@machine`). */
  readonly who: string;
  /** How it ended. */
  readonly outcome: DeployOutcome;
  /** Milliseconds from start to this record. */
  readonly durationMs: number;
  /** The stage that failed, when one did. */
  readonly failedStage?: string;
  /** Why it failed or rolled back (a lower-case sentence, never a secret value). */
  readonly reason?: string;
}

/** What {@link readHistory} found. */
export interface HistoryRead {
  /** Every whole, valid record, in file order. */
  readonly records: readonly DeployRecord[];
  /** Lines skipped (a torn last line, an unparsable line), one sentence each. */
  readonly warnings: readonly string[];
}

/** The JSON line of a record (no newline inside: JSON.stringify escapes them). */
export function historyLine(record: DeployRecord): string {
  return `${JSON.stringify(record)}\n`;
}

/** True when the file is empty or ends with a newline (read from its last byte). */
function endsClean(fd: number): boolean {
  const size = fstatSync(fd).size;
  if (size === 0) return true;
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  return last[0] === 0x0a;
}

/**
 * Appends one record: opens with O_APPEND (created 0600), writes the whole
 * line in one write - preceded by a newline when a killed writer left a torn
 * line - then fsyncs and closes. Throws `FILE_WRITE_FAILED` when the file
 * cannot be written.
 *
 * @example
 * ```ts
 * appendHistory('.deployment-manager/deploy/history.jsonl', record);
 * ```
 */
export function appendHistory(file: string, record: DeployRecord): void {
  let fd: number | undefined;
  try {
    mkdirSync(dirname(file), { recursive: true });
    fd = openSync(file, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | constants.O_NONBLOCK, 0o600);
    if (!fstatSync(fd).isFile()) throw new SdkError('FILE_NOT_REGULAR', `the deploy history ${file} is not a regular file`, { hint: 'remove what is at that path (a FIFO, device or directory) or pass another --state', details: { path: file } });
    const bytes = Buffer.from(`${endsClean(fd) ? '' : '\n'}${historyLine(record)}`, 'utf8');
    let done = 0;
    // One write for a line of any sane size; the loop only guards a short write.
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
  } catch (cause) {
    if (isSdkError(cause)) throw cause;
    throw new SdkError('FILE_WRITE_FAILED', `cannot append to the deploy history ${file}`, { hint: 'check that the state directory is writable (--state)', cause, details: { path: file } });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const isRecord = (v: unknown): v is DeployRecord =>
  typeof v === 'object' && v !== null && (v as { format?: unknown }).format === 'deployment-manager.deploy/1' && typeof (v as { manifestSha256?: unknown }).manifestSha256 === 'string';

/**
 * Parses history text: whole lines only. A last line without its newline (a
 * writer killed mid-write, or a power cut) and any line that is not a
 * record are skipped, each with a warning naming its line number. Pure.
 *
 * @example
 * ```ts
 * parseHistory('{"format":"deployment-manager.deploy/1",...}\n{"form').warnings // ['line 2 is torn (no newline): skipped']
 * ```
 */
export function parseHistory(text: string): HistoryRead {
  const records: DeployRecord[] = [];
  const warnings: string[] = [];
  const lines = text.split('\n');
  const torn = lines.pop();
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const value: unknown = JSON.parse(line);
      if (isRecord(value)) records.push(value);
      else warnings.push(`line ${i + 1} is not a deploy record: skipped`);
    } catch {
      warnings.push(`line ${i + 1} is not valid JSON: skipped`);
    }
  });
  if (torn !== undefined && torn !== '') warnings.push(`line ${lines.length + 1} is torn (no newline at the end of the file): skipped`);
  return { records, warnings };
}

/**
 * Reads a history file ({@link parseHistory}); a missing file is an empty history. Bounded like every input
 * file: anything but a regular file is `FILE_NOT_REGULAR`, a file over `DM_MAX_INPUT_BYTES` `FILE_TOO_LARGE`.
 *
 * @example
 * ```ts
 * const { records, warnings } = readHistory('.deployment-manager/deploy/history.jsonl');
 * ```
 */
export function readHistory(file: string): HistoryRead {
  const limit = inputByteLimit();
  const read = readBoundedFile(file, limit);
  if (read.ok) return parseHistory(textOfBytes(read.bytes));
  if (read.reason === 'missing') return { records: [], warnings: [] };
  throw boundedReadError(file, 'deploy history', read, limit);
}

/**
 * Each deploy once, by id: its final record, or its `started` record when
 * it never ended (the writer was killed); in order of first appearance.
 * Pure.
 */
export function latestRecords(records: readonly DeployRecord[]): DeployRecord[] {
  const byId = new Map<string, DeployRecord>();
  for (const r of records) {
    const seen = byId.get(r.id);
    if (seen === undefined || r.outcome !== 'started') byId.set(r.id, r);
  }
  return [...byId.values()];
}
