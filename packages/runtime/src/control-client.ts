/*
 * A client of a running bundle's control API, found through its control file
 * (`<appData>/runtime/control.json`): host, port and the token file to read.
 */
import { SdkError } from '@deployment-manager/core';
import { readToken } from './control-auth.ts';
import { readControlFile } from './control-file.ts';
import type { ControlFile } from './types.ts';

/** One control API answer. */
export interface ControlResponse {
  /** HTTP status. */
  readonly status: number;
  /** Parsed JSON body. */
  readonly body: unknown;
}

/** Talks to one running bundle. */
export interface ControlClient {
  /** What the control file says. */
  readonly control: ControlFile;
  /** Sends an authenticated request. Throws `RUNTIME_NOT_RUNNING` when nothing answers. */
  request(method: 'GET' | 'POST', path: string): Promise<ControlResponse>;
}

/**
 * Creates a client for the bundle running with app data `appData`.
 * Throws `RUNTIME_NOT_RUNNING` when no control file is there.
 *
 * @example
 * ```ts
 * const client = createControlClient('/tmp/recipe-hub');
 * const { body } = await client.request('GET', '/status');
 * ```
 */
export function createControlClient(appData: string, timeoutMs = 5000): ControlClient {
  const control = readControlFile(appData);
  return {
    control,
    async request(method, path) {
      const token = readToken(control.tokenFile);
      let res: Response;
      try {
        res = await fetch(`http://${control.host}:${control.port}${path}`, { method, headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(timeoutMs) });
      } catch (cause) {
        throw new SdkError('RUNTIME_NOT_RUNNING', `the bundle's control api at ${control.host}:${control.port} does not answer (pid ${control.pid})`, {
          hint: 'the supervisor has probably died; remove the stale control file and start the bundle again',
          cause,
          details: { port: control.port, pid: control.pid },
        });
      }
      const text = await res.text();
      let body: unknown;
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        body = text;
      }
      return { status: res.status, body };
    },
  };
}
