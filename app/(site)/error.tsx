'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center gap-4 py-16 text-center" role="alert">
      <h1 ref={heading} tabIndex={-1} className="text-2xl font-bold text-slate-900">
        We couldn’t load the webinars
      </h1>
      <p className="text-slate-600">
        Our webinar platform did not answer in time. Nothing is wrong on your side: please try again in a moment.
      </p>
      <div className="flex gap-3">
        <button type="button" onClick={reset} className="min-h-11 rounded-lg bg-accent px-4 py-2 font-semibold text-on-accent hover:bg-accent-strong">
          Try again
        </button>
        <Link href="/" className="inline-flex min-h-11 items-center rounded-lg px-4 py-2 font-semibold text-accent hover:underline">
          Back to all webinars
        </Link>
      </div>
    </div>
  );
}
