// A deploy process stand-in for the SIGKILL test: appends history records as fast as it can until killed.
import { appendHistory, type DeployRecord } from '../src/deploy/history.ts';

const file = process.argv[2] as string;
const base: DeployRecord = { format: 'deployment-manager.deploy/1', id: '', time: '', action: 'deploy', scenario: 'recipe-hub', version: '3.2.0', environment: 'production', target: 'local', host: 'local', manifestSha256: 'a'.repeat(64), who: 'test@machine', outcome: 'started', durationMs: 0, reason: 'x'.repeat(2000) };
for (let i = 0; ; i++) appendHistory(file, { ...base, id: `deploy-${i}`, time: new Date().toISOString(), durationMs: i });
