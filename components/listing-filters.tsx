import Link from 'next/link';
import type { ListingFilters } from '@/lib/events/select';
import { languageName } from '@/lib/languages';

const input =
  'block w-full rounded-lg border border-slate-300 bg-surface px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/30';

/** A plain GET form: filters live in the URL, work without JavaScript and can be shared. */
export function ListingFiltersForm({
  filters,
  languages,
  locale,
}: {
  filters: ListingFilters;
  languages: string[];
  locale: string;
}) {
  const active = filters.q || filters.from || filters.to || filters.lang;
  return (
    <form role="search" aria-label="Filter webinars" method="get" action="/" className="grid gap-3 rounded-xl border border-slate-200 bg-surface p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end">
      <div className="sm:col-span-2 lg:col-span-1">
        <label htmlFor="q" className="mb-1 block text-sm font-medium text-slate-700">
          Search
        </label>
        <input id="q" name="q" type="search" defaultValue={filters.q} placeholder="Title, topic or host" className={input} maxLength={100} />
      </div>
      <div>
        <label htmlFor="from" className="mb-1 block text-sm font-medium text-slate-700">
          From
        </label>
        <input id="from" name="from" type="date" defaultValue={filters.from ?? ''} className={input} />
      </div>
      <div>
        <label htmlFor="to" className="mb-1 block text-sm font-medium text-slate-700">
          To
        </label>
        <input id="to" name="to" type="date" defaultValue={filters.to ?? ''} className={input} />
      </div>
      <div>
        <label htmlFor="lang" className="mb-1 block text-sm font-medium text-slate-700">
          Language
        </label>
        <select id="lang" name="lang" defaultValue={filters.lang ?? ''} className={input}>
          <option value="">Any language</option>
          {languages.map((code) => (
            <option key={code} value={code}>
              {languageName(code, locale)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex gap-2 sm:col-span-2 lg:col-span-1">
        <button type="submit" className="min-h-11 flex-1 rounded-lg bg-accent px-4 py-2 font-semibold text-on-accent shadow-sm hover:bg-accent-strong lg:flex-none">
          Search
        </button>
        {active ? (
          <Link href="/" className="inline-flex min-h-11 items-center rounded-lg px-3 py-2 font-medium text-accent underline-offset-2 hover:underline">
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}
