import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { SandboxContext } from '../context';
import { HttpError, ok, parseJsonBody, type Reply } from '../jsonapi';
import { buildRegistration, validateRegistrationShape } from '../registration';
import { route, type RouteCall, type RouteDefinition } from '../router';
import type { JobRecord, JsonApiResource, SandboxState, TaskRecord } from '../schema';
import { renderPerson } from './people';
import { findSession } from './sessions';

// Bulk registration (docs/livestorm-api.md §14.1): POST /sessions/:id/people/bulk answers 202 with
// a job of at most 50 tasks; the engine then works through the tasks in the background (one per
// `bulkTaskMs`), each by the same rules as a single registration, sends people.registered for
// each person registered and job.ended at the end. GET /jobs/:id and GET /jobs/:id/tasks read
// them. The exact task envelope is not documented: a task is accepted as `{attributes:{fields}}`,
// `{type:'people',attributes:{fields}}` or the bare attributes `{fields}`.

export const MAX_TASKS_PER_JOB = 50;

const TaskSchema = z.union([
  z.object({ attributes: z.record(z.string(), z.unknown()) }).transform((task) => task.attributes),
  z.object({ fields: z.array(z.unknown()) }).loose(),
]);

const BulkBodySchema = z.object({
  data: z.object({
    type: z.literal('jobs'),
    attributes: z.object({ tasks: z.array(z.unknown()) }),
  }),
});

export function renderJob(job: JobRecord): JsonApiResource {
  return { id: job.id, type: 'jobs', attributes: { ...job.attributes } };
}

function renderTask(task: TaskRecord): JsonApiResource {
  return { id: task.id, type: 'tasks', attributes: { ...task.attributes } };
}

function findJob(state: SandboxState, id: string): JobRecord {
  const job = state.jobs.find((candidate) => candidate.id === id);
  if (!job) throw new HttpError(404, `Job ${id} not found`);
  return job;
}

function emailOf(input: unknown): string | null {
  const fields = (input as { fields?: unknown }).fields;
  if (!Array.isArray(fields)) return null;
  const email = fields.find((field) => (field as { id?: unknown }).id === 'email') as { value?: unknown } | undefined;
  return typeof email?.value === 'string' ? email.value.trim().toLowerCase() : null;
}

async function createJob(sandbox: SandboxContext, call: RouteCall): Promise<Reply> {
  const [sessionId = ''] = call.params;
  const json = parseJsonBody(call.request.headers.get('content-type'), await call.request.text());
  sandbox.sync();
  const { state } = sandbox;
  const session = findSession(state, sessionId);
  const parsed = BulkBodySchema.safeParse(json);
  if (!parsed.success) throw new HttpError(400, 'Expected {"data":{"type":"jobs","attributes":{"tasks":[...]}}}');
  const tasks = parsed.data.data.attributes.tasks;
  if (tasks.length === 0) throw new HttpError(422, 'A job needs at least one task');
  if (tasks.length > MAX_TASKS_PER_JOB) throw new HttpError(422, `A job takes at most ${MAX_TASKS_PER_JOB} tasks (got ${tasks.length})`);
  const inputs = tasks.map((task, position) => {
    const input = TaskSchema.safeParse(task);
    if (!input.success) throw new HttpError(400, `Task ${position}: expected {"attributes":{"fields":[...]}}`);
    return input.data;
  });
  const nowS = Math.floor(call.nowMs / 1000);
  const job: JobRecord = {
    id: randomUUID(),
    attributes: {
      session_id: session.id,
      status: 'processing',
      total: inputs.length,
      processed: 0,
      success: 0,
      fail: 0,
      created_at: nowS,
      updated_at: nowS,
      ended_at: 0,
    },
    tasks: inputs.map((input, position) => ({
      id: randomUUID(),
      attributes: { position, status: 'pending', email: emailOf(input), person_id: null, error_code: null, error: null, created_at: nowS, updated_at: nowS },
      input,
    })),
  };
  state.jobs.push(job);
  sandbox.persist();
  sandbox.startJob(job.id);
  return ok({ data: renderJob(job) }, 202);
}

/** Why a task failed, as a code a client can branch on (Livestorm's own wording varies). */
function failureCode(error: HttpError): string {
  if (error.httpStatus === 409) return 'already_registered';
  if (/not open for registration/.test(error.detail)) return 'closed';
  return 'invalid';
}

/**
 * Processes the job's next pending task at `nowMs`; returns false once nothing is left. Synchronous
 * from the duplicate check to the write, like a single registration.
 */
export function processNextTask(sandbox: SandboxContext, jobId: string, nowMs: number): boolean {
  sandbox.sync();
  const { state } = sandbox;
  const job = state.jobs.find((candidate) => candidate.id === jobId);
  const task = job?.tasks.find((candidate) => candidate.attributes.status === 'pending');
  if (!job || !task) return false;
  const nowS = Math.floor(nowMs / 1000);
  const session = state.sessions.find((s) => s.id === job.attributes.session_id);
  const event = session ? state.events.find((e) => e.id === session.attributes.event_id) : undefined;
  try {
    if (!session || !event) throw new HttpError(422, 'The session of this job no longer exists');
    const body = validateRegistrationShape({ data: { type: 'people', attributes: task.input } });
    const person = buildRegistration(body, {
      event,
      session,
      sessionPeople: state.people.filter((p) => p.attributes.registrant_detail.session_id === session.id),
      nowS,
    });
    // Registered through the API, in bulk.
    person.attributes.registrant_detail.registration_type = 'API';
    state.people.push(person);
    session.attributes.registrants_count += 1;
    Object.assign(task.attributes, { status: 'success', person_id: person.id, email: person.attributes.email });
    job.attributes.success += 1;
    sandbox.emit('people.registered', renderPerson(person));
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    Object.assign(task.attributes, { status: 'failed', error_code: failureCode(error), error: error.detail });
    job.attributes.fail += 1;
  }
  task.input = null;
  task.attributes.updated_at = nowS;
  job.attributes.processed += 1;
  job.attributes.updated_at = nowS;
  const done = job.attributes.processed === job.attributes.total;
  if (done) Object.assign(job.attributes, { status: job.attributes.fail > 0 ? 'failed' : 'ended', ended_at: nowS });
  sandbox.persist();
  if (done) sandbox.emit('job.ended', renderJob(job));
  return !done;
}

/** Ids of jobs still processing (a restarted sandbox resumes them). */
export function unfinishedJobs(state: SandboxState): string[] {
  return state.jobs.filter((job) => job.attributes.status === 'processing').map((job) => job.id);
}

function showJob({ state }: SandboxContext, call: RouteCall): Reply {
  return ok({ data: renderJob(findJob(state, call.params[0] ?? '')) });
}

/** All tasks in one answer: Livestorm's endpoint fails with a 500 on paging parameters (§14.1), and so does this one. */
function listTasks({ state }: SandboxContext, call: RouteCall): Reply {
  const job = findJob(state, call.params[0] ?? '');
  if ([...call.query.keys()].some((key) => key.startsWith('page['))) {
    throw new HttpError(500, 'Internal server error');
  }
  return ok({ data: job.tasks.map(renderTask), meta: { record_count: job.tasks.length } });
}

export const jobRoutes: RouteDefinition<SandboxContext>[] = [
  route('POST', '/sessions/:id/people/bulk', createJob),
  route('GET', '/jobs/:id', showJob),
  route('GET', '/jobs/:id/tasks', listTasks),
];
