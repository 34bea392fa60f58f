// Talking to the local server. Every URL is relative to the page, which is
// served under the token path, so the token rides along on each request.
import type { PackageEvent, UiSession } from '../src/wire-types.ts';
import type { WorkspaceWire } from '../src/workspace-wire.ts';

async function asJson<T>(response: Response): Promise<T> {
  const body = (await response.json()) as unknown;
  if (!response.ok) {
    const error = (body as { error?: { message?: string; hint?: string | null } }).error;
    throw new Error(`${error?.message ?? `request failed with ${response.status}`}${error?.hint ? ` (${error.hint})` : ''}`);
  }
  return body as T;
}

/** GET a JSON document from the server. */
async function getJson<T>(path: string): Promise<T> {
  return asJson<T>(await fetch(path, { headers: { accept: 'application/json' } }));
}

/** POST JSON and read the JSON answer. */
export async function postJson<T>(path: string, body: unknown): Promise<T> {
  return asJson<T>(await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) }));
}

/** The session and the workspace, fetched together. */
export async function loadSession(): Promise<{ session: UiSession; workspace: WorkspaceWire }> {
  const [session, workspace] = await Promise.all([getJson<UiSession>('api/session'), getJson<WorkspaceWire>('api/workspace')]);
  return { session, workspace };
}

/** Follows a packaging job's events until it finishes; returns a function that stops following. */
export function followPackageJob(job: string, onEvent: (event: PackageEvent) => void): () => void {
  const source = new EventSource(`api/package/${encodeURIComponent(job)}/events`);
  source.onmessage = (message: MessageEvent<string>) => {
    const event = JSON.parse(message.data) as PackageEvent;
    onEvent(event);
    // The server ends the stream after the last event; do not let EventSource reconnect.
    if (event.stage === 'done' || event.stage === 'failed') source.close();
  };
  return () => source.close();
}
