import type { SandboxContext } from '../context';
import { booleanFilter, enumFilter, ok, paginate, readFilters, type Reply } from '../jsonapi';
import { route, type RouteCall, type RouteDefinition } from '../router';
import { PEOPLE_ATTRIBUTE_TYPES, type JsonApiResource, type PeopleAttributeRecord } from '../schema';

// GET /people_attributes: the workspace's registration fields, built-in and custom
// (docs/livestorm-api.md §2).

export function renderPeopleAttribute(record: PeopleAttributeRecord): JsonApiResource {
  return { id: record.id, type: 'people_attributes', attributes: { ...record.attributes } };
}

function listPeopleAttributes({ state }: SandboxContext, call: RouteCall): Reply {
  const filters = readFilters(call.query, ['slug', 'name', 'type', 'builtin']);
  const slug = filters.get('slug')?.trim() ?? null;
  const name = filters.get('name')?.trim().toLowerCase() ?? null;
  const type = enumFilter(filters, 'type', PEOPLE_ATTRIBUTE_TYPES);
  const builtin = booleanFilter(filters, 'builtin');
  const records = state.peopleAttributes.filter((r) => {
    const a = r.attributes;
    if (slug !== null && a.slug !== slug) return false;
    if (name !== null && !a.name.toLowerCase().includes(name)) return false;
    if (type !== null && a.type !== type) return false;
    if (builtin !== null && a.builtin !== builtin) return false;
    return true;
  });
  const page = paginate(records, call.query);
  return ok({ data: page.items.map(renderPeopleAttribute), meta: page.meta });
}

export const peopleAttributeRoutes: RouteDefinition<SandboxContext>[] = [route('GET', '/people_attributes', listPeopleAttributes)];
