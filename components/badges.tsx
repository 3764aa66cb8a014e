import { languageName } from '@/lib/languages';

export function LiveBadge() {
  return (
    <span className="inline-flex items-center gap-1.5 rounded-full bg-live px-2.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-white">
      <span className="size-1.5 rounded-full bg-surface motion-safe:animate-pulse" aria-hidden="true" />
      Live now
    </span>
  );
}

export function LanguageBadge({ code, locale }: { code: string; locale: string }) {
  return (
    <span className="inline-flex items-center rounded-md bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700" lang={code}>
      <span className="sr-only">Language: </span>
      {languageName(code, locale)}
    </span>
  );
}

export function EndedBadge() {
  return (
    <span className="inline-flex items-center rounded-full bg-slate-200 px-2.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-slate-800">
      Ended
    </span>
  );
}

export function CancelledBadge() {
  return (
    <span className="inline-flex items-center rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-amber-900">
      Cancelled
    </span>
  );
}
