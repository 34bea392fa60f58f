/*
 * Makes a deployed service crash-loop for the deploy suites: SIGKILL its
 * process each time the runtime restarts it, until the supervisor gives up
 * (bounded: at most 60 rounds). The service runs on this machine (local, or
 * behind the loopback sshd), so its pid from `deploy status` is ours to kill.
 */
import type { BundleStatus } from '@deployment-manager/runtime';

/** Kills `service` whenever it has a pid, until `status()` shows no runtime or the service failed. Returns the kills. */
export async function crashLoop(service: string, status: () => Promise<BundleStatus | null>): Promise<number> {
  let kills = 0;
  let last: number | null = null;
  for (let round = 0; round < 60; round++) {
    const s = await status();
    const svc = s?.services.find((x) => x.id === service);
    if (s === null || svc === undefined || svc.state === 'failed') return kills;
    if (svc.pid !== null && svc.pid !== last) {
      try {
        process.kill(svc.pid, 'SIGKILL');
        kills++;
        last = svc.pid;
      } catch {
        // already gone
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return kills;
}
