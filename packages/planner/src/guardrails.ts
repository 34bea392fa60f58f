import type { Footprint, CostEstimate } from './cost.ts';
import type { Guardrails } from './environment.ts';
import { planDiagnostic, type PlanDiagnostic } from './diagnostic-codes.ts';

const usd = (n: number): string => `$${n.toFixed(2)}`;

/**
 * Checks a plan's estimate and footprint against guardrails: above
 * `maxMonthlyCost` is blocked whatever the caller says; above
 * `confirmAbove` is blocked unless `confirmCost` is true; every exceeded
 * quota blocks. Pure.
 *
 * @example
 * ```ts
 * checkGuardrails(estimate, need, { confirmAbove: 250 }, false) // [{ code: 'COST_NEEDS_CONFIRMATION', status: 'error', ... }]
 * ```
 */
export function checkGuardrails(estimate: CostEstimate | undefined, need: Footprint, guardrails: Guardrails | undefined, confirmCost: boolean): PlanDiagnostic[] {
  const out: PlanDiagnostic[] = [];
  const g = guardrails ?? {};
  if (estimate !== undefined) {
    const cost = estimate.monthlyUsd;
    if (g.maxMonthlyCost !== undefined && cost > g.maxMonthlyCost) {
      out.push(planDiagnostic('COST_OVER_LIMIT', `estimated ${usd(cost)}/month is above the limit of ${usd(g.maxMonthlyCost)}/month (size ${estimate.size.id})`, { path: '/guardrails/maxMonthlyCost', hint: 'lower replicas or resource requests, swap heavy dependencies for hosted ones, or raise guardrails.maxMonthlyCost for this environment' }));
    } else if (g.confirmAbove !== undefined && cost > g.confirmAbove && !confirmCost) {
      out.push(planDiagnostic('COST_NEEDS_CONFIRMATION', `estimated ${usd(cost)}/month is above the confirmation threshold of ${usd(g.confirmAbove)}/month (size ${estimate.size.id})`, { path: '/guardrails/confirmAbove', hint: 'review the cost lines, then plan again with confirmCost: true (CLI: --confirm-cost)' }));
    }
  }
  const q = g.quotas ?? {};
  const over = (name: string, have: number, max: number | undefined, unit: string, fix: string): void => {
    if (max !== undefined && have > max) out.push(planDiagnostic('QUOTA_EXCEEDED', `${name} ${have}${unit} is above the quota of ${max}${unit}`, { path: `/guardrails/quotas/${name}`, hint: fix }));
  };
  over('maxVcpu', need.cpuMillis / 1000, q.maxVcpu, ' vCPU', 'lower cpu requests or replicas, or raise the quota');
  over('maxMemoryMiB', need.memoryMiB, q.maxMemoryMiB, ' MiB', 'lower memory requests or replicas, or raise the quota');
  over('maxVolumeGiB', need.volumeGiB, q.maxVolumeGiB, ' GiB', 'size volumes down, or raise the quota');
  over('maxGpus', need.gpus, q.maxGpus, '', 'swap GPU workloads for hosted APIs, or raise the quota');
  over('maxReplicas', need.maxReplicas, q.maxReplicas, '', 'lower the replicas of the largest service, or raise the quota');
  return out;
}
