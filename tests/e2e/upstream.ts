import type { SandboxHelpers } from './fixtures';

/** Just what the tests read of the sandbox's raw JSON:API documents, to compute expectations. */
export interface RawEvent {
  id: string;
  attributes: { slug: string; title: string; status: string; show_in_company_page: boolean | null; description: string | null; language: string | null };
}
export interface RawSession {
  id: string;
  attributes: { event_id: string; status: string; estimated_started_at: number; started_at: number; ended_at: number; timezone: string };
}
interface ListDocument<T> {
  data: T[];
  meta?: { next_page?: number | null };
}

async function walk<T>(sandbox: SandboxHelpers, path: string): Promise<T[]> {
  const items: T[] = [];
  for (let page = 0; ; page += 1) {
    const separator = path.includes('?') ? '&' : '?';
    const document = await sandbox.api<ListDocument<T>>(`${path}${separator}page[size]=50&page[number]=${page}`);
    items.push(...document.data);
    if (document.meta?.next_page == null) return items;
  }
}

export async function upstreamState(sandbox: SandboxHelpers) {
  const [events, sessions] = await Promise.all([
    walk<RawEvent>(sandbox, '/events'),
    walk<RawSession>(sandbox, '/sessions'),
  ]);
  return { events, sessions };
}

/** What the reference says a visitor may see, computed independently of the site's code. */
export function expectedListing(state: Awaited<ReturnType<typeof upstreamState>>, now = Date.now()): string[] {
  const listed = new Set(
    state.events.filter((e) => e.attributes.status === 'published' && e.attributes.show_in_company_page !== false).map((e) => e.id),
  );
  return state.sessions
    .filter((s) => listed.has(s.attributes.event_id))
    .filter(
      (s) =>
        (s.attributes.status === 'upcoming' && s.attributes.estimated_started_at * 1000 > now) ||
        (s.attributes.status === 'live' && s.attributes.ended_at === 0),
    )
    .sort((a, b) => a.attributes.estimated_started_at - b.attributes.estimated_started_at || a.id.localeCompare(b.id))
    .map((s) => s.id);
}
