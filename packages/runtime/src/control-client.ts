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

/** Where a control API answers: its own address, or a local end of an ssh tunnel to it. */
export interface ControlAddress {
  /** Host to connect to (127.0.0.1). */
  readonly host: string;
  /** Port to connect to. */
  readonly port: number;
}

/**
 * Creates a client for a bundle whose control file is known: `token` gives
 * the bearer token (read when a request is sent), `address` where to connect
 * (default the control file's host and port; a tunnel's local end for a
 * bundle on another machine). Throws `RUNTIME_NOT_RUNNING` from `request`
 * when nothing answers.
 *
 * @example
 * ```ts
 * const client = connectControl(control, () => token, { host: '127.0.0.1', port: tunnelPort });
 * ```
 */
export function connectControl(control: ControlFile, token: () => string, address: ControlAddress = control, timeoutMs = 5000): ControlClient {
  return {
    control,
    async request(method, path) {
      let res: Response;
      try {
        res = await fetch(`http://${address.host}:${address.port}${path}`, { method, headers: { authorization: `Bearer ${token()}` }, signal: AbortSignal.timeout(timeoutMs) });
      } catch (cause) {
        throw new SdkError('RUNTIME_NOT_RUNNING', `the bundle's control api at ${address.host}:${address.port} does not answer (pid ${control.pid})`, {
          hint: 'the supervisor has probably died; remove the stale control file and start the bundle again',
          cause,
          details: { port: address.port, pid: control.pid },
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
  return connectControl(control, () => readToken(control.tokenFile), control, timeoutMs);
}
