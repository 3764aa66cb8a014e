'use client';

import { useEffect, useRef, useState } from 'react';
import type { EmbedTheme } from '@/lib/embed/options';
import { clampEmbedHeight, EMBED_MESSAGE_SOURCE, EMBED_PROTOCOL_VERSION } from '@/lib/embed/protocol';

const INITIAL_HEIGHT = 600;

/** A light or dark host page behind the embed, as the chosen theme expects. */
const BACKDROP: Record<EmbedTheme, string> = {
  light: 'bg-slate-50',
  dark: 'bg-slate-950',
  auto: 'bg-slate-50 dark:bg-slate-950',
};

/**
 * The embed itself, same-origin, sized by its `resize` messages like the loader does (without
 * JavaScript it keeps its initial height and scrolls).
 */
export function EmbedPreview({ src, title, theme }: { src: string; title: string; theme: EmbedTheme }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(INITIAL_HEIGHT);

  useEffect(() => {
    function onMessage(event: MessageEvent) {
      if (event.origin !== window.location.origin || !frame.current || event.source !== frame.current.contentWindow) return;
      const data: unknown = event.data;
      if (typeof data !== 'object' || data === null) return;
      if (!('source' in data) || data.source !== EMBED_MESSAGE_SOURCE || !('version' in data) || data.version !== EMBED_PROTOCOL_VERSION) return;
      if (!('type' in data) || data.type !== 'resize' || !('height' in data)) return;
      const next = clampEmbedHeight(data.height);
      if (next !== null) setHeight(next);
    }
    window.addEventListener('message', onMessage);
    // Server-rendered, the embed may have loaded and posted its size before this listener existed:
    // load it once more, now heard.
    const loaded = frame.current?.contentDocument;
    if (loaded && loaded.readyState === 'complete' && loaded.URL !== 'about:blank') loaded.location.reload();
    return () => window.removeEventListener('message', onMessage);
  }, []);

  return (
    <div className={`rounded-xl border border-slate-200 p-3 sm:p-4 ${BACKDROP[theme]}`}>
      <iframe ref={frame} src={src} title={title} className="block w-full border-0" style={{ height }} />
    </div>
  );
}
