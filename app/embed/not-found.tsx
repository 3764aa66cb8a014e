import { EmbedFrame } from '@/components/embed/embed-frame';
import { DEFAULT_EMBED_OPTIONS } from '@/lib/embed/options';

const MESSAGE = 'This webinar is not available: it may have ended, been unpublished or renamed.';

export default function EmbedNotFound() {
  return (
    <EmbedFrame
      options={DEFAULT_EMBED_OPTIONS}
      announce={[
        { type: 'ready', kind: 'event', title: 'Webinar not found', path: '/embed' },
        { type: 'error', code: 'not_found', message: MESSAGE },
      ]}
    >
      <h1 className="text-xl font-bold text-slate-900">Webinar not found</h1>
      <p className="text-slate-700">{MESSAGE}</p>
    </EmbedFrame>
  );
}
