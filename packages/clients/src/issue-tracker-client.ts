import { z } from 'zod';
import { signalOf } from './analyzer-client.ts';
import type { CallOptions, ClientOptions } from './client-options.ts';
import { createHttpClient } from './http.ts';
import { swapIssueDraft, type IssueInput, type SwapIssueInput } from './swap-issue.ts';
import { defined, optString } from './wire.ts';

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
  /** Renders a swap decision ({@link swapIssueDraft}) and files it: the "one click". */
  fileSwapDecision(decision: SwapIssueInput, options?: CallOptions): Promise<CreatedIssue>;
}

/**
 * Creates the issue-tracker client. Base URL from `baseUrl` or `ISSUE_TRACKER_URL`.
 *
 * @example
 * ```ts
 * const tracker = createIssueTrackerClient({ token: process.env.ISSUE_TRACKER_TOKEN });
 * const { id } = await tracker.fileSwapDecision({ scenario: 'picker-wheel', tier: 'desktop', suggestion });
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
    fileSwapDecision: (decision, call = {}) => createIssue(swapIssueDraft(decision), call),
  };
}
