'use client';

import { EmbedFrame } from '@/components/embed/embed-frame';
import { DEFAULT_EMBED_OPTIONS } from '@/lib/embed/options';

const MESSAGE = 'Our webinar platform did not answer in time. Please try again in a moment.';

export default function EmbedError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <EmbedFrame
      options={DEFAULT_EMBED_OPTIONS}
      announce={[
        { type: 'ready', kind: 'event', title: 'Webinars unavailable', path: '/embed' },
        { type: 'error', code: 'unavailable', message: MESSAGE },
      ]}
    >
      <div role="alert" className="flex flex-col gap-3">
        <h1 className="text-xl font-bold text-slate-900">We couldn’t load the webinars</h1>
        <p className="text-slate-700">{MESSAGE}</p>
        <button type="button" onClick={reset} className="min-h-11 w-fit rounded-lg bg-accent px-4 py-2 font-semibold text-on-accent hover:bg-accent-strong">
          Try again
        </button>
      </div>
    </EmbedFrame>
  );
}
