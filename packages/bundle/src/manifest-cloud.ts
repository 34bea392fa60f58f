import { z } from 'zod';
import {
  MANIFEST_SCHEMA_VERSION,
  appSchema,
  envMapSchema,
  freeObjectSchema,
  healthSchema,
  readinessSchema,
  secretSchema,
  swapSchema,
  type HealthCheck,
  type ManifestApp,
  type ManifestSecret,
  type ManifestSwap,
  type ReadinessCheck,
} from './manifest-common.ts';

/*
 * The cloud manifest (our design): containers for a SaaS or enterprise
 * install. Packagers turn it into Docker Compose, Kubernetes manifests or a
 * Helm chart; it says nothing a single one of them owns (no k8s kinds, no
 * compose keys). Services reach each other by service id as host name;
 * `${service.port}` placeholders resolve to a service's container port.
 */

/** A port a container listens on. */
export interface CloudPort {
  /** Port name, referenced as `${service.name}`, by `port_name` and by ingress routes. */
  readonly name: string;
  /** Port inside the container (1..65535). */
  readonly container_port: number;
  /** Transport; default `tcp`. */
  readonly protocol?: 'tcp' | 'udp';
}

/** A volume mounted into a container. */
export interface CloudVolume {
  /** Volume name, unique within the service. */
  readonly name: string;
  /** Absolute mount path inside the container. */
  readonly mount_path: string;
  /** Requested size as a quantity (`1Gi`, `500Mi`). */
  readonly size?: string;
  /** True when data must survive restarts (a persistent volume); false for scratch space. */
  readonly persistent: boolean;
}

/** Compute requests of one replica. */
export interface CloudResources {
  /** CPU quantity (`500m`, `2`). */
  readonly cpu?: string;
  /** Memory quantity (`512Mi`, `2Gi`). */
  readonly memory?: string;
  /** Number of GPUs. */
  readonly gpu?: number;
}

/** How to build an image when none is published. */
export interface CloudBuild {
  /** Build context, relative to the scenario. */
  readonly context: string;
  /** Dockerfile path inside the context. */
  readonly dockerfile?: string;
  /** Build arguments (never secrets). */
  readonly args?: Readonly<Record<string, string>>;
}

/** Service kinds of a cloud manifest. */
export const CLOUD_SERVICE_KINDS = ['app', 'resource'] as const;

/** One containerized service. */
export interface CloudService {
  /** Unique id; also the service's host name. */
  readonly id: string;
  /** `app` for the scenario's own services, `resource` for infrastructure. */
  readonly kind: (typeof CLOUD_SERVICE_KINDS)[number];
  /** Free text. */
  readonly description?: string;
  /** Container image reference (`postgres:16-alpine`); this or `build` is required. */
  readonly image?: string;
  /** How to build the image. */
  readonly build?: CloudBuild;
  /** Entrypoint override (placeholders allowed). */
  readonly command?: readonly string[];
  /** Arguments (placeholders allowed). */
  readonly args?: readonly string[];
  /** Environment (placeholders allowed; never secret values). */
  readonly env?: Readonly<Record<string, string>>;
  /** Ids of manifest secrets delivered to this service. */
  readonly secrets?: readonly string[];
  /** Listening ports. */
  readonly ports?: readonly CloudPort[];
  /** Health (liveness) check. */
  readonly health?: HealthCheck;
  /** Readiness rule. */
  readonly readiness?: ReadinessCheck;
  /** Ids of services that must be ready first. */
  readonly dependencies?: readonly string[];
  /** Volumes. */
  readonly volumes?: readonly CloudVolume[];
  /** Replica count; default 1. */
  readonly replicas?: number;
  /** Compute requests. */
  readonly resources?: CloudResources;
  /** Whether the install fails when this service fails. */
  readonly critical?: boolean;
  /** Free-form extras. */
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/** One public HTTP route. */
export interface CloudRoute {
  /** URL path prefix (`/`, `/api`). */
  readonly path: string;
  /** Target service id. */
  readonly service: string;
  /** Target port name of that service. */
  readonly port_name: string;
}

/** What is exposed to the outside world. */
export interface CloudIngress {
  /** Public host name, when known. */
  readonly host?: string;
  /** Terminate TLS. */
  readonly tls?: boolean;
  /** Routes. */
  readonly routes: readonly CloudRoute[];
}

/** A cloud (SaaS or enterprise) manifest: containers, volumes, secrets references, ingress. */
export interface CloudManifest {
  /** Format version. */
  readonly schema_version: typeof MANIFEST_SCHEMA_VERSION;
  /** Discriminator. */
  readonly target: 'cloud';
  /** The tier it was assembled for. */
  readonly tier: 'saas' | 'enterprise';
  /** Application identity. */
  readonly app: ManifestApp;
  /** Swaps applied. */
  readonly swaps?: readonly ManifestSwap[];
  /** Secrets (never values). */
  readonly secrets?: readonly ManifestSecret[];
  /** Services. */
  readonly services: readonly CloudService[];
  /** Public routes. */
  readonly ingress?: CloudIngress;
}

const cloudServiceSchema = z
  .strictObject({
    id: z.string().min(1),
    kind: z.enum(CLOUD_SERVICE_KINDS),
    description: z.string().exactOptional(),
    image: z.string().min(1).exactOptional(),
    build: z
      .strictObject({ context: z.string().min(1), dockerfile: z.string().exactOptional(), args: envMapSchema.exactOptional() })
      .exactOptional(),
    command: z.array(z.string()).exactOptional(),
    args: z.array(z.string()).exactOptional(),
    env: envMapSchema.exactOptional(),
    secrets: z.array(z.string()).exactOptional(),
    ports: z
      .array(
        z
          .strictObject({ name: z.string().min(1), container_port: z.int(), protocol: z.enum(['tcp', 'udp']).exactOptional() })
          .meta({ id: 'cloud_port' }),
      )
      .exactOptional(),
    health: healthSchema.exactOptional(),
    readiness: readinessSchema.exactOptional(),
    dependencies: z.array(z.string()).exactOptional(),
    volumes: z
      .array(
        z
          .strictObject({
            name: z.string().min(1),
            mount_path: z.string().min(1),
            size: z.string().exactOptional(),
            persistent: z.boolean(),
          })
          .meta({ id: 'cloud_volume' }),
      )
      .exactOptional(),
    replicas: z.int().min(0).exactOptional(),
    resources: z
      .strictObject({ cpu: z.string().exactOptional(), memory: z.string().exactOptional(), gpu: z.int().min(0).exactOptional() })
      .exactOptional(),
    critical: z.boolean().exactOptional(),
    metadata: freeObjectSchema.exactOptional(),
  })
  .meta({ id: 'cloud_service' });

/**
 * Zod schema of {@link CloudManifest}.
 *
 * @example
 * ```ts
 * cloudManifestSchema.safeParse(value).success
 * ```
 */
export const cloudManifestSchema: z.ZodType<CloudManifest> = z
  .strictObject({
    schema_version: z.literal(MANIFEST_SCHEMA_VERSION),
    target: z.literal('cloud'),
    tier: z.enum(['saas', 'enterprise']),
    app: appSchema,
    swaps: z.array(swapSchema).exactOptional(),
    secrets: z.array(secretSchema).exactOptional(),
    services: z.array(cloudServiceSchema).min(1),
    ingress: z
      .strictObject({
        host: z.string().exactOptional(),
        tls: z.boolean().exactOptional(),
        routes: z.array(z.strictObject({ path: z.string().min(1), service: z.string().min(1), port_name: z.string().min(1) })),
      })
      .exactOptional(),
  })
  .meta({ title: 'Cloud deployment manifest v0.1', description: 'Containers, volumes, secret references and ingress for a SaaS or enterprise install.' });
