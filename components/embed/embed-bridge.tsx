'use client';

import { useEffect } from 'react';
import { embedMessage, type EmbedEvent } from '@/lib/embed/protocol';

const HOST_KEY = 'livestorm-events:host';

function stored(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null; // storage blocked in third-party frames by some browsers
  }
}

function store(key: string, value: string): void {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    // best effort: only used to remember the host across pages and to send `registered` once
  }
}

/**
 * The host page's origin, where messages go (never `*`). The browser's own answer first; then the
 * loader's `host` parameter; then what an earlier page of this iframe found; then the referrer of a
 * plain iframe's first page. The CSP's frame-ancestors already limits who the parent can be.
 */
function hostOrigin(host: string | null): string | null {
  const ancestor = window.location.ancestorOrigins?.[0];
  let origin: string | null = ancestor && ancestor !== 'null' ? ancestor : host;
  if (!origin) origin = stored(HOST_KEY);
  if (!origin && document.referrer) {
    try {
      const referrer = new URL(document.referrer).origin;
      if (referrer !== window.location.origin) origin = referrer;
    } catch {
      origin = null;
    }
  }
  if (origin) store(HOST_KEY, origin);
  return origin;
}

function chosenSessions(form: HTMLElement): string[] {
  return Array.from(form.querySelectorAll<HTMLInputElement>('input[name="sessionIds"]'))
    .filter((input) => input.type === 'hidden' || input.checked)
    .map((input) => input.value);
}

interface EmbedBridgeProps {
  embedId: string | null;
  host: string | null;
  /** Posted once when the page is shown, in order (`ready` first). */
  announce: EmbedEvent[];
  /** A registration page: report the chosen sessions of `#registration-form`. */
  sessionsOf?: { eventId: string; eventSlug: string };
  /** `registered` is posted once per key in this tab, not again on a reload. */
  onceKey?: string;
}

/** Tells the host page what happens inside the iframe (lib/embed/protocol.ts). Renders nothing. */
export function EmbedBridge({ embedId, host, announce, sessionsOf, onceKey }: EmbedBridgeProps) {
  const announceKey = JSON.stringify(announce);
  const eventId = sessionsOf?.eventId;
  const eventSlug = sessionsOf?.eventSlug;

  useEffect(() => {
    if (window.parent === window) return;
    const target = hostOrigin(host);
    if (!target) return;
    const post = (event: EmbedEvent) => window.parent.postMessage(embedMessage(event, embedId), target);

    for (const event of JSON.parse(announceKey) as EmbedEvent[]) {
      if (event.type === 'registered' && onceKey) {
        const key = `livestorm-events:registered:${onceKey}`;
        if (stored(key)) continue;
        store(key, '1');
      }
      post(event);
    }

    const root = document.querySelector<HTMLElement>('.embed-root') ?? document.body;
    let lastHeight = -1;
    const reportHeight = () => {
      // A page being replaced by the next one measures 0: not a height to report.
      if (!root.isConnected) return;
      const height = Math.ceil(root.getBoundingClientRect().height);
      if (height === lastHeight) return;
      lastHeight = height;
      post({ type: 'resize', height });
    };
    const observer = new ResizeObserver(reportHeight);
    observer.observe(root);
    reportHeight();

    const form = eventId && eventSlug ? document.getElementById('registration-form') : null;
    let lastChoice: string | null = null;
    const reportSessions = () => {
      if (!form || !eventId || !eventSlug) return;
      const sessionIds = chosenSessions(form);
      const key = sessionIds.join(',');
      if (key === lastChoice) return;
      lastChoice = key;
      post({ type: 'session-selected', eventId, eventSlug, sessionIds });
    };
    reportSessions();
    form?.addEventListener('change', reportSessions);

    return () => {
      observer.disconnect();
      form?.removeEventListener('change', reportSessions);
    };
  }, [announceKey, embedId, host, eventId, eventSlug, onceKey]);

  return null;
}
