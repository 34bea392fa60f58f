/** Why {@link readBodyCapped} stopped early. */
type BodyReadFailure = 'too-large' | 'timeout' | 'aborted' | 'connection' | 'encoding';

/** The result of {@link readBodyCapped}: the text, or why there is none. */
export type BodyReadResult =
  | { readonly ok: true; readonly text: string; readonly bytes: number }
  | { readonly ok: false; readonly failure: BodyReadFailure; readonly bytes: number; readonly reason?: string };

/**
 * Reads a response body as UTF-8 text, counting bytes as they stream in and
 * stopping (and cancelling the stream) as soon as `maxBytes` is passed, the
 * deadline `timeoutMs` elapses, or `signal` fires. A declared
 * `content-length` above the cap fails at once; a lower one is not trusted.
 */
export async function readBodyCapped(
  response: Response,
  maxBytes: number,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<BodyReadResult> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  const body = response.body;
  if (Number.isFinite(declared) && declared > maxBytes) {
    await body?.cancel().catch(() => undefined);
    return { ok: false, failure: 'too-large', bytes: 0 };
  }
  if (body === null) return { ok: true, text: '', bytes: 0 };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  let stop: (failure: BodyReadFailure) => void = () => undefined;
  const stopped = new Promise<BodyReadFailure>((resolve) => {
    stop = resolve;
  });
  const timer = setTimeout(() => stop('timeout'), timeoutMs);
  const onAbort = (): void => stop('aborted');
  if (signal?.aborted === true) stop('aborted');
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), stopped]);
      if (typeof next === 'string') {
        await reader.cancel().catch(() => undefined);
        return { ok: false, failure: next, bytes };
      }
      if (next.done) break;
      bytes += next.value.byteLength;
      if (bytes > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, failure: 'too-large', bytes };
      }
      chunks.push(next.value);
    }
  } catch (error) {
    return { ok: false, failure: 'connection', bytes, reason: error instanceof Error ? error.message : 'read failed' };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
  const all = new Uint8Array(bytes);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(all), bytes };
  } catch {
    return { ok: false, failure: 'encoding', bytes };
  }
}
