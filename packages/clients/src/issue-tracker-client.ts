import { swapIssueDraft, type SwapIssueInput } from '@deployment-manager/bundle';
import { z } from 'zod';
import { signalOf } from './analyzer-client.ts';
import type { CallOptions, ClientOptions } from './client-options.ts';
import { createHttpClient } from './http.ts';
import { defined, optString } from './wire.ts';

/**
 * An issue to file, as the tracker client takes it. Bundle's `IssueDraft`
 * (`title`, `body`, `labels`, `priority`) fits as is.
 */
export interface IssueInput {
  /** One-line title. */
  readonly title: string;
  /** Markdown body. */
  readonly body: string;
  /** `low`, `medium`, `high` or `critical` (default `medium`). */
  readonly priority?: 'low' | 'medium' | 'high' | 'critical';
  /** Issue type (default `task`). */
  readonly type?: string;
  /** Tags. */
  readonly tags?: readonly string[];
  /** Labels (bundle's spelling of tags; both are sent as tags). */
  readonly labels?: readonly string[];
  /** The app (scenario) the issue is about. */
  readonly appId?: string;
}

/** An issue the tracker created. */
export interface CreatedIssue {
  /** The tracker's id. */
  readonly id: string;
  /** Status, when given (`open`...). */
  readonly status?: string;
  /** Title as stored. */
  readonly title?: string;
}

const CreatedWire = z.object({
  success: z.literal(true),
  data: z.object({
    issue_id: z.string().min(1).nullish(),
    issue: z.object({ id: z.string().min(1), status: optString, title: optString }).nullish(),
  }),
});

/** Validates the tracker's answer to `POST /api/v1/issues`. */
export const createdIssueSchema: z.ZodType<CreatedIssue> = CreatedWire.refine((w) => (w.data.issue_id ?? w.data.issue?.id) !== undefined, {
  path: ['data', 'issue_id'],
  message: 'the answer names no issue id',
}).transform((w) => ({
  id: (w.data.issue_id ?? w.data.issue?.id) as string,
  ...defined({ status: w.data.issue?.status, title: w.data.issue?.title }),
}));

/** Typed client of the predecessor's issue tracker (app-issue-tracker). */
export interface IssueTrackerClient {
  /** The resolved base URL. */
  readonly baseUrl: string;
  /** `POST /api/v1/issues` with a draft, e.g. bundle's `issueDrafts` (never retried: a retry could file it twice). */
  createIssue(draft: IssueInput, options?: CallOptions): Promise<CreatedIssue>;
  /** Renders a swap with bundle's `swapIssueDraft` and files it under the scenario's app id: the "one click". */
  fileSwapDecision(decision: SwapIssueInput, options?: CallOptions): Promise<CreatedIssue>;
}

/**
 * Creates the issue-tracker client. Base URL from `baseUrl` or `ISSUE_TRACKER_URL`.
 *
 * @example
 * ```ts
 * const tracker = createIssueTrackerClient({ token: process.env.ISSUE_TRACKER_TOKEN });
 * const { id } = await tracker.fileSwapDecision({ scenario: 'picker-wheel', tiers: ['desktop'], swap: suggestion });
 * ```
 */
export function createIssueTrackerClient(options: ClientOptions = {}): IssueTrackerClient {
  const http = createHttpClient('issue-tracker', options);
  const createIssue = async (draft: IssueInput, call: CallOptions = {}): Promise<CreatedIssue> => {
    const body = {
      title: draft.title,
      description: draft.body,
      type: draft.type ?? 'task',
      priority: draft.priority ?? 'medium',
      ...(draft.appId === undefined ? {} : { app_id: draft.appId }),
      status: 'open',
      tags: [...new Set([...(draft.tags ?? []), ...(draft.labels ?? [])])],
      reporter_name: 'deployment-manager',
    };
    return http.postJson('/api/v1/issues', body, createdIssueSchema, signalOf(call));
  };
  return {
    baseUrl: http.baseUrl,
    createIssue,
    fileSwapDecision: (decision, call = {}) => createIssue({ ...swapIssueDraft(decision), appId: decision.scenario }, call),
  };
}
