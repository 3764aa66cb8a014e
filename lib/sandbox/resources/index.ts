import type { SandboxContext } from '../context';
import type { RouteDefinition } from '../router';
import { eventRoutes } from './events';
import { jobRoutes } from './jobs';
import { peopleRoutes } from './people';
import { peopleAttributeRoutes } from './people-attributes';
import { pingRoutes } from './ping';
import { sessionRoutes } from './sessions';
import { webhookRoutes } from './webhooks';

/** The /v1 API, one line per resource file (docs/sandbox.md: adding a resource). */
export const API_ROUTES: readonly RouteDefinition<SandboxContext>[] = [
  ...pingRoutes,
  ...eventRoutes,
  ...sessionRoutes,
  ...peopleRoutes,
  ...peopleAttributeRoutes,
  ...webhookRoutes,
  ...jobRoutes,
];
