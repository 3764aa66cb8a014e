import Link from 'next/link';

function hrefFor(page: number, params: Record<string, string | null>, basePath: string): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  if (page > 1) search.set('page', String(page));
  const query = search.toString();
  return query ? `${basePath}?${query}` : basePath;
}

const link = 'inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-surface px-4 font-medium text-slate-800 hover:border-accent hover:text-accent-strong';

export function Pagination({
  page,
  pageCount,
  params,
  basePath = '/',
}: {
  page: number;
  pageCount: number;
  params: Record<string, string | null>;
  basePath?: string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-4">
      {page > 1 ? (
        <Link href={hrefFor(page - 1, params, basePath)} className={link} rel="prev">
          ← Previous<span className="sr-only"> page</span>
        </Link>
      ) : (
        <span />
      )}
      <p className="text-sm text-slate-600" aria-current="page">
        Page {page} of {pageCount}
      </p>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1, params, basePath)} className={link} rel="next">
          Next<span className="sr-only"> page</span> →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
