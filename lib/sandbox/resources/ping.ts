import type { SandboxContext } from '../context';
import { ok } from '../jsonapi';
import { route, type RouteDefinition } from '../router';
import type { JsonApiResource, Organization } from '../schema';

// GET /ping (a token check: empty 200) and GET /organization (the token's workspace),
// docs/livestorm-api.md §2.

export function renderOrganization(org: Organization): JsonApiResource {
  return { id: org.id, type: 'organizations', attributes: { name: org.name, slug: org.slug } };
}

export const pingRoutes: RouteDefinition<SandboxContext>[] = [
  route('GET', '/ping', () => ok(null)),
  route('GET', '/organization', (sandbox) => ok({ data: renderOrganization(sandbox.state.organization) })),
];
