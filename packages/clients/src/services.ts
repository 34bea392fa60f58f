/** The live services this package talks to. */
export type ServiceName = 'analyzer' | 'secrets-manager' | 'desktop-packager' | 'issue-tracker';

/** What the SDK knows about a service: the environment variable holding its base URL and its predecessor name. */
export interface ServiceInfo {
  /** Environment variable read when no `baseUrl` option is given. */
  readonly env: string;
  /** The predecessor scenario that provides it. */
  readonly predecessor: string;
}

/** Base-URL environment variables and predecessor names of every service (data, read by {@link resolveBaseUrl}). */
export const SERVICES: Readonly<Record<ServiceName, ServiceInfo>> = {
  analyzer: { env: 'ANALYZER_BASE_URL', predecessor: 'scenario-dependency-analyzer' },
  'secrets-manager': { env: 'SECRETS_MANAGER_URL', predecessor: 'secrets-manager' },
  'desktop-packager': { env: 'DESKTOP_PACKAGER_URL', predecessor: 'scenario-to-desktop' },
  'issue-tracker': { env: 'ISSUE_TRACKER_URL', predecessor: 'app-issue-tracker' },
};
