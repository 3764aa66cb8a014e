import type { ReactNode } from 'react';
import { formatElapsed, type StatusReport, type Verdict } from '@/lib/status/report';

/** The operators' status page: server-rendered from the report, no client JavaScript. */

const VERDICT_STYLE: Record<Verdict, { label: string; className: string }> = {
  ok: { label: 'OK', className: 'bg-emerald-100 text-emerald-900 ring-emerald-300' },
  degraded: { label: 'Degraded', className: 'bg-amber-100 text-amber-900 ring-amber-300' },
  failing: { label: 'Failing', className: 'bg-rose-100 text-rose-900 ring-rose-300' },
};

const TOKEN_CHECK_LABEL: Record<StatusReport['tokenCheck']['result'], string> = {
  ok: 'OK: the token is accepted',
  unauthorized: 'Unauthorized: the token is refused',
  forbidden: 'Forbidden: the token lacks a scope',
  unreachable: 'Livestorm unreachable',
  error: 'Unexpected answer',
};

const number = new Intl.NumberFormat('en-US');

/** `2026-05-01 10:00:03 UTC`, and how long ago (or ahead) that is. */
function Time({ iso, now }: { iso: string | null; now: number }) {
  if (iso === null) return <>—</>;
  const ms = Date.parse(iso);
  const seconds = Math.round((ms - now) / 1000);
  const relative = Math.abs(seconds) < 1 ? 'now' : seconds < 0 ? `${formatElapsed(-seconds)} ago` : `in ${formatElapsed(seconds)}`;
  return (
    <time dateTime={iso}>
      {iso.slice(0, 19).replace('T', ' ')} UTC <span className="text-slate-600">({relative})</span>
    </time>
  );
}

function Card({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-4 rounded-2xl border border-slate-200 bg-surface p-5 shadow-sm">
      <h2 id={id} className="text-xl font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Facts({ items }: { items: Array<[string, ReactNode]> }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[minmax(10rem,auto)_1fr]">
      {items.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-semibold text-slate-900">{term}</dt>
          <dd className="break-words text-slate-700">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Wide tables scroll on phones; the scroller is focusable so keyboards can scroll it too. */
function Table({ caption, head, rows }: { caption: string; head: string[]; rows: ReactNode[][] }) {
  return (
    <div className="overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200">
            {head.map((label) => (
              <th key={label} scope="col" className="px-3 py-2 font-semibold whitespace-nowrap text-slate-900">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, row) => (
            <tr key={row} className="border-b border-slate-100 align-top last:border-0">
              {cells.map((cell, column) => (
                <td key={column} className="px-3 py-2 break-words text-slate-700">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LivestormSection({ report, now }: { report: StatusReport; now: number }) {
  const { tokenCheck, quota, calls } = report;
  return (
    <Card title="Livestorm" id="livestorm">
      <Facts
        items={[
          ['Mode', report.mode === 'live' ? 'Live (your Livestorm workspace)' : 'Sandbox (built-in demo data)'],
          ['API host', <code key="host">{report.api.host}</code>],
          [
            'Token check',
            <span key="token" data-result={tokenCheck.result}>
              {TOKEN_CHECK_LABEL[tokenCheck.result]}
              {tokenCheck.detail ? ` (${tokenCheck.detail})` : ''}, <Time iso={tokenCheck.checkedAt} now={now} />
            </span>,
          ],
          [
            'Monthly quota left',
            quota.monthlyRemaining === null ? (
              'Not yet observed (no Livestorm answer since start)'
            ) : (
              <span key="quota">
                {number.format(quota.monthlyRemaining)}
                {quota.monthlyLimit === null ? '' : ` of ${number.format(quota.monthlyLimit)}`}
                {quota.remainingPercent === null ? '' : ` (${quota.remainingPercent}%)`}, seen <Time iso={quota.observedAt} now={now} />
              </span>
            ),
          ],
          [
            `Calls by this site, last ${calls?.windowDays ?? 30} days`,
            calls === null ? (
              'Not recorded (see the server log)'
            ) : (
              <span key="calls">
                {number.format(calls.total)}: {number.format(calls.reads)} reads, {number.format(calls.writes)} registrations
                {calls.countingSince ? (
                  <>
                    {' '}
                    (counting since <Time iso={calls.countingSince} now={now} />)
                  </>
                ) : null}
              </span>
            ),
          ],
          ['Calls since this process started', number.format(quota.callsSinceStart)],
        ]}
      />
    </Card>
  );
}

function SyncSection({ report, now }: { report: StatusReport; now: number }) {
  const { sync, caches } = report;
  return (
    <Card title="Event data" id="sync">
      <Facts
        items={[
          ['Last successful sync', sync.lastSuccessAt === null ? 'None since start (loaded on the first page view)' : <Time key="sync" iso={sync.lastSuccessAt} now={now} />],
          ['Refresh interval', formatElapsed(sync.intervalSeconds)],
          [
            'Last failed refresh',
            sync.lastFailureAt === null ? (
              'None'
            ) : (
              <span key="failure">
                <Time iso={sync.lastFailureAt} now={now} />: {sync.lastFailure}
              </span>
            ),
          ],
        ]}
      />
      <Table
        caption="Caches"
        head={['Cache', 'Fetched', 'Age', 'Fresh until', 'Last failure', 'Refreshes / failures']}
        rows={caches.map((cache) => [
          <code key="key" className="break-all">
            {cache.key}
          </code>,
          <Time key="fetched" iso={cache.fetchedAt} now={now} />,
          cache.ageSeconds === null ? '—' : formatElapsed(cache.ageSeconds),
          cache.freshUntil === null ? '—' : cache.fresh ? <Time key="fresh" iso={cache.freshUntil} now={now} /> : 'Stale (refreshed on the next view)',
          cache.lastFailureAt === null ? (
            '—'
          ) : (
            <span key="failure">
              <Time iso={cache.lastFailureAt} now={now} />: {cache.lastFailure}
            </span>
          ),
          `${cache.refreshes} / ${cache.failures}`,
        ])}
      />
    </Card>
  );
}

function WebhooksSection({ report, now }: { report: StatusReport; now: number }) {
  const { webhooks } = report;
  const { subscriptions, counts } = webhooks;
  return (
    <Card title="Webhooks" id="webhooks">
      <Facts
        items={[
          [
            'Last webhook received',
            webhooks.lastReceivedAt === null ? (
              'None since start'
            ) : (
              <span key="last">
                <code>{webhooks.lastEvent ?? 'unknown event'}</code>, <Time iso={webhooks.lastReceivedAt} now={now} />
              </span>
            ),
          ],
          ['Last refused (bad signature)', <Time key="refused" iso={webhooks.lastRefusedAt} now={now} />],
          ['Deliveries since start', `${counts.accepted} accepted, ${counts.duplicate} duplicates, ${counts.ignored} ignored, ${counts.refused} refused`],
        ]}
      />
      {subscriptions.available ? (
        subscriptions.items.length === 0 ? (
          <p className="text-sm text-slate-700">
            No webhook subscriptions in Livestorm (checked <Time iso={subscriptions.checkedAt} now={now} />).
          </p>
        ) : (
          <Table
            caption={`Webhook subscriptions (checked ${subscriptions.checkedAt.slice(0, 16).replace('T', ' ')} UTC)`}
            head={['Event', 'URL', 'Created']}
            rows={subscriptions.items.map((item) => [
              <code key="event">{item.event}</code>,
              <code key="url" className="break-all">
                {item.url}
              </code>,
              <Time key="created" iso={item.createdAt} now={now} />,
            ])}
          />
        )
      ) : (
        <p className="text-sm text-slate-700" data-subscriptions="unavailable">
          Subscriptions unavailable ({subscriptions.reason}), checked <Time iso={subscriptions.checkedAt} now={now} />. The token may lack
          the Webhooks scope.
        </p>
      )}
    </Card>
  );
}

const OUTCOME_LABEL: Record<keyof Extract<StatusReport['outbox'], { available: true }>['settled'], string> = {
  registered: 'Registered',
  already_registered: 'Already registered',
  closed: 'Closed',
  rejected: 'Rejected',
};

function OutboxSection({ report, now }: { report: StatusReport; now: number }) {
  const { outbox } = report;
  return (
    <Card title="Registration outbox" id="outbox">
      {outbox.available ? (
        <>
          <Facts
            items={[
              ['Waiting to be delivered', number.format(outbox.depth)],
              ['Oldest waiting since', <Time key="oldest" iso={outbox.oldestPendingAt} now={now} />],
              ['Next attempt', <Time key="next" iso={outbox.nextAttemptAt} now={now} />],
            ]}
          />
          <Table
            caption="Settled registrations, last 30 days"
            head={['Outcome', 'Count']}
            rows={Object.entries(OUTCOME_LABEL).map(([status, label]) => [label, number.format(outbox.settled[status as keyof typeof OUTCOME_LABEL])])}
          />
        </>
      ) : (
        <p className="text-sm text-slate-700">The outbox cannot be read (see the server log).</p>
      )}
    </Card>
  );
}

export function StatusView({ report }: { report: StatusReport }) {
  const now = Date.parse(report.generatedAt);
  const verdict = VERDICT_STYLE[report.status];
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <header className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">Site status</h1>
        <p className="flex flex-wrap items-center gap-3 text-slate-700">
          <span data-status={report.status} className={`inline-flex items-center rounded-full px-3 py-1 text-sm font-semibold ring-1 ${verdict.className}`}>
            {verdict.label}
          </span>
          <span>
            As of <Time iso={report.generatedAt} now={now} />.{' '}
            <a href="/status.json" className="font-medium text-accent underline underline-offset-2 hover:text-accent-strong">
              JSON for monitoring
            </a>
          </span>
        </p>
        {report.reasons.length > 0 ? (
          <ul className="flex list-disc flex-col gap-1 pl-6 text-slate-800" aria-label="Why">
            {report.reasons.map((reason) => (
              <li key={reason.code} data-level={reason.level}>
                <strong className="font-semibold">{reason.level === 'failing' ? 'Failing' : 'Degraded'}:</strong> {reason.message}
              </li>
            ))}
          </ul>
        ) : null}
      </header>
      <LivestormSection report={report} now={now} />
      <SyncSection report={report} now={now} />
      <WebhooksSection report={report} now={now} />
      <OutboxSection report={report} now={now} />
    </div>
  );
}
