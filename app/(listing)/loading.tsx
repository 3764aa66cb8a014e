import { SessionCard } from '@/components/session-card';

export default function Loading() {
  return (
    <div className="flex flex-col gap-8" aria-busy="true">
      <p className="sr-only" role="status">
        Loading upcoming webinars…
      </p>
      <div className="flex flex-col gap-2">
        <div className="h-10 w-72 animate-pulse rounded bg-slate-200" />
        <div className="h-6 w-96 max-w-full animate-pulse rounded bg-slate-100" />
      </div>
      <div className="h-24 animate-pulse rounded-xl border border-slate-200 bg-white" />
      <div className="flex flex-col gap-3">
        {Array.from({ length: 4 }, (_, index) => (
          <SessionCard.Skeleton key={index} />
        ))}
      </div>
    </div>
  );
}
