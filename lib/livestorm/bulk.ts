import { z } from 'zod';
import type { LivestormClient } from './client';
import { redactDetail, toRegistrationBody } from './registration';
import { attributesOnly, singleDocument } from './schema';
import type { BulkJob, BulkTaskResult, RegistrationRequest } from './types';

/**
 * Bulk registration on the wire (docs/livestorm-api.md §14.1): one call registers up to 50 people
 * to a session as a job that Livestorm works through in the background; the job and its tasks say
 * how each went. 1,000 people cost about 20 job creations plus the reads, instead of 1,000 calls.
 * Shapes beyond `data.id` and `attributes.status` are not documented: everything else is read
 * leniently and defaults to "unknown" rather than failing.
 */

export const MAX_PEOPLE_PER_JOB = 50;

const count = z.number().int().nonnegative().nullish().catch(null);
const jobDocument = singleDocument(
  attributesOnly(
    'jobs',
    z.object({
      status: z.string().nullish().transform((value) => value ?? 'processing'),
      total: count,
      processed: count,
      success: count,
      fail: count,
    }),
  ),
);

const taskList = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      attributes: z
        .object({
          position: z.number().int().nullish().catch(null),
          status: z.string().nullish().catch(null),
          email: z.string().nullish().catch(null),
          error_code: z.string().nullish().catch(null),
          error: z.string().nullish().catch(null),
        })
        .loose(),
    }),
  ),
});

function toJob(document: z.output<typeof jobDocument>): BulkJob {
  const { id, attributes: a } = document.data;
  const status = a.status.toLowerCase();
  return {
    id,
    state: status === 'ended' || status === 'completed' ? 'ended' : status === 'failed' ? 'failed' : 'processing',
    total: a.total ?? null,
    processed: a.processed ?? null,
    succeeded: a.success ?? null,
    failed: a.fail ?? null,
  };
}

/** Starts a job registering `requests` (all to `sessionId`, at most 50) and returns it as accepted. */
export async function startBulkRegistration(client: LivestormClient, sessionId: string, requests: readonly RegistrationRequest[]): Promise<BulkJob> {
  if (requests.length === 0 || requests.length > MAX_PEOPLE_PER_JOB) {
    throw new RangeError(`a bulk job takes 1 to ${MAX_PEOPLE_PER_JOB} people (got ${requests.length})`);
  }
  if (requests.some((request) => request.sessionId !== sessionId)) throw new RangeError('every request of a bulk job must be for its session');
  const tasks = requests.map((request) => ({ attributes: toRegistrationBody(request).data.attributes }));
  const document = await client.request(`/sessions/${encodeURIComponent(sessionId)}/people/bulk`, {
    method: 'POST',
    schema: jobDocument,
    body: { data: { type: 'jobs', attributes: { tasks } } },
  });
  return toJob(document);
}

export async function getBulkJob(client: LivestormClient, jobId: string): Promise<BulkJob> {
  return toJob(await client.request(`/jobs/${encodeURIComponent(jobId)}`, { schema: jobDocument }));
}

/** One outcome per task, in submission order where Livestorm says it. No paging parameters: they break this endpoint (§14.1). */
export async function getBulkJobTasks(client: LivestormClient, jobId: string): Promise<BulkTaskResult[]> {
  const document = await client.request(`/jobs/${encodeURIComponent(jobId)}/tasks`, { schema: taskList });
  return document.data
    .map(({ id, attributes: a }, index) => {
      const status = a.status?.toLowerCase() ?? null;
      const duplicate = a.error_code === 'already_registered' || /already registered/i.test(a.error ?? '');
      const outcome: BulkTaskResult['outcome'] =
        status === 'success' || status === 'succeeded' || status === 'done'
          ? 'registered'
          : status === 'failed' || status === 'error'
            ? duplicate
              ? 'already_registered'
              : a.error_code === 'closed'
                ? 'closed'
                : 'rejected'
            : 'pending';
      return { taskId: id, position: a.position ?? index, email: a.email?.toLowerCase() ?? null, outcome, detail: outcome === 'rejected' || outcome === 'closed' ? redactDetail(a.error ?? null) : null };
    })
    .sort((x, y) => x.position - y.position);
}
