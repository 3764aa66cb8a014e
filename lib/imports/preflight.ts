/**
 * What an import will cost before it starts (docs/livestorm-api.md §14.1): people go to Livestorm
 * 50 to a job, so each session's list costs one job per 50 people; a job then costs a read of its
 * tasks, and a read of its status unless `job.ended` webhooks say when it is done. Pure: the
 * console shows these figures and the command line prints them, from the same function.
 */

export interface PreflightInput {
  /** Valid, de-duplicated rows. */
  people: number;
  /** Sessions each person is registered to. */
  sessions: number;
  /** Calls left in Livestorm's 30-day quota, when known. */
  monthlyRemaining: number | null;
  /** Calls to keep for the site itself (catalog refreshes, visitors' registrations). */
  reserve: number;
  /** Whether `job.ended` webhooks come (then no status polling). */
  webhooks: boolean;
  /** Requests per second Livestorm allows this workspace. */
  requestsPerSecond: number;
  /** People per bulk job (`MAX_PEOPLE_PER_JOB` of lib/livestorm). */
  peoplePerJob: number;
}

export interface Preflight {
  jobs: number;
  callsPerJob: number;
  calls: number;
  /** Calls per 1,000 people and session, the figure to compare with one call a person. */
  callsPerThousand: number;
  /** The least time it takes at the allowed rate (Livestorm's own processing comes on top). */
  minimumSeconds: number;
  /** Quota left once done, or null when the quota is not known yet. */
  remainingAfter: number | null;
  /** Whether it fits the quota without eating into the reserve. */
  fits: boolean;
  /** The most people that fit (all of them when it fits). */
  maxPeople: number;
}

export function callsPerJob(webhooks: boolean): number {
  return webhooks ? 2 : 3;
}

export function importPreflight(input: PreflightInput): Preflight {
  const perJob = callsPerJob(input.webhooks);
  const jobsPerSession = Math.ceil(input.people / input.peoplePerJob);
  const jobs = jobsPerSession * input.sessions;
  const calls = jobs * perJob;
  const remainingAfter = input.monthlyRemaining === null ? null : input.monthlyRemaining - calls;
  const fits = remainingAfter === null || remainingAfter >= input.reserve;
  let maxPeople = input.people;
  if (!fits && input.monthlyRemaining !== null) {
    const affordableJobs = Math.max(0, Math.floor((input.monthlyRemaining - input.reserve) / perJob));
    maxPeople = Math.min(input.people, Math.floor(affordableJobs / Math.max(1, input.sessions)) * input.peoplePerJob);
  }
  return {
    jobs,
    callsPerJob: perJob,
    calls,
    callsPerThousand: input.people === 0 ? 0 : Math.round((calls / (input.people * Math.max(1, input.sessions))) * 1000),
    minimumSeconds: Math.ceil(calls / input.requestsPerSecond),
    remainingAfter,
    fits,
    maxPeople,
  };
}
