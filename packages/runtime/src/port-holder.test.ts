import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { parseProcNetTcp, portHolder } from './port-holder.ts';

const TCP = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:B798 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 12345 1 0 100 0 0 10 0
   1: 0100007F:5BCC 0100007F:8988 06 00000000:00000000 03:000016E9 00000000     0        0 0 3 0
   2: 00000000:07E8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1361 1 0 100 0 0 10 0
`;

const listen = (port: number, host?: string): Promise<Server> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port, ...(host === undefined ? {} : { host }) }, () => resolve(server));
  });

describe('parseProcNetTcp', () => {
  it('keeps listening sockets only, with port, address and inode', () => {
    expect(parseProcNetTcp(TCP)).toEqual([
      { port: 0xb798, address: '0100007F', inode: '12345' },
      { port: 0x07e8, address: '00000000', inode: '1361' },
    ]);
  });

  it('skips malformed lines instead of throwing', () => {
    expect(parseProcNetTcp('header\n0: nonsense\n\n   1: zz 0A\n')).toEqual([]);
  });
});

describe('portHolder', () => {
  it('is unknown, with the reason, where there is no /proc', () => {
    const holder = portHolder(47010, process.pid, '/nonexistent-proc');
    expect(holder.kind).toBe('unknown');
    expect(holder.kind === 'unknown' && holder.reason).toContain('/nonexistent-proc/net/tcp');
  });

  it.skipIf(!existsSync('/proc/net/tcp'))('tells own, foreign and free apart on this machine', async () => {
    const server = await listen(0, '127.0.0.1');
    const port = (server.address() as { port: number }).port;
    try {
      // This process holds the socket: its own group; pid 1's group does not.
      expect(portHolder(port, process.pid)).toEqual({ kind: 'own' });
      expect(portHolder(port, 1)).toEqual({ kind: 'foreign' });
    } finally {
      await new Promise((r) => server.close(r));
    }
    expect(portHolder(port, process.pid)).toEqual({ kind: 'free' });
  });

  it.skipIf(!existsSync('/proc/net/tcp'))('counts a wildcard listener as reaching 127.0.0.1', async () => {
    const server = await listen(0);
    const port = (server.address() as { port: number }).port;
    try {
      expect(portHolder(port, 1)).toEqual({ kind: 'foreign' });
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
