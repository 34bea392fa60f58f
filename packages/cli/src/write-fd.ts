// The bin writes stdout synchronously to its file descriptor. process.stdout
// on a pipe queues every write in memory when the reader is slower (measured:
// a 117 MB --json document held whole in the queue), so a streamed document
// would cost as much memory as one string; blocking writes keep it to a chunk.
import { writeSync } from 'node:fs';

const pause = new Int32Array(new SharedArrayBuffer(4));

const errnoOf = (error: unknown): unknown => (typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined);

/**
 * Writes all of `text` to `fd`, blocking until the reader took it: a short
 * write continues where it stopped, and a non-blocking descriptor that is
 * full (`EAGAIN`) is retried after a short sleep. Other errors (`EPIPE` when
 * the reader has gone) are thrown.
 *
 * @example
 * ```ts
 * writeAllSync(1, '{"ok": true}\n');
 * ```
 */
export function writeAllSync(fd: number, text: string): void {
  let bytes = Buffer.from(text, 'utf8');
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(writeSync(fd, bytes));
    } catch (error) {
      if (errnoOf(error) !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 5);
    }
  }
}
