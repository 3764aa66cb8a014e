import type { CSSProperties, ReactNode } from 'react';
import type { EmbedOptions } from '@/lib/embed/options';
import { embedPaletteStyle } from '@/lib/embed/palette';
import type { EmbedEvent } from '@/lib/embed/protocol';
import { EmbedBridge } from './embed-bridge';

interface EmbedFrameProps {
  options: EmbedOptions;
  announce: EmbedEvent[];
  sessionsOf?: { eventId: string; eventSlug: string };
  onceKey?: string;
  children: ReactNode;
}

/** An embed's whole page: themed root (a direct child of body, see globals.css), bridge, content. */
export function EmbedFrame({ options, announce, sessionsOf, onceKey, children }: EmbedFrameProps) {
  return (
    <div className="embed-root" data-theme={options.theme} style={embedPaletteStyle(options.accent) as CSSProperties}>
      <EmbedBridge embedId={options.embedId} host={options.host} announce={announce} sessionsOf={sessionsOf} onceKey={onceKey} />
      <main className="flex flex-col gap-5 bg-[var(--page)] p-4 text-slate-900 sm:p-6">{children}</main>
    </div>
  );
}
