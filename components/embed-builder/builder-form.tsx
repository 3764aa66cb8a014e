'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useTransition, type ChangeEvent } from 'react';
import { DEFAULT_EMBED_OPTIONS, EMBED_THEMES, type EmbedTheme } from '@/lib/embed/options';
import type { EmbedWidget, EmbedWidgetKind } from '@/lib/embed/snippets';

const BUILDER_PATH = '/embed-builder';

const KIND_LABELS: Record<EmbedWidgetKind, { label: string; hint: string }> = {
  list: { label: 'Upcoming webinars', hint: 'The list of sessions, optionally filtered.' },
  event: { label: 'One event', hint: 'Its description, sessions and registration.' },
  form: { label: 'Registration form', hint: 'Just the form of one event.' },
};

const THEME_LABELS: Record<EmbedTheme, string> = {
  light: 'Light',
  dark: 'Dark',
  auto: "Visitor's preference",
};

const LOCALE_SUGGESTIONS = ['en-US', 'en-GB', 'fr-FR', 'de-DE', 'es-ES', 'it-IT', 'nl-NL', 'pt-BR', 'ja-JP'];

const input =
  'block w-full rounded-lg border border-slate-300 bg-surface px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/30';
const label = 'mb-1 block text-sm font-medium text-slate-700';
const legend = 'mb-2 text-sm font-semibold text-slate-900';
const choice = 'flex min-h-11 items-start gap-3 rounded-lg px-2 py-2 hover:bg-slate-50';
const radio = 'mt-1 size-4 shrink-0 accent-accent';

/**
 * The builder's options: a plain GET form (state in the URL, works without JavaScript). With
 * JavaScript each change replaces the URL, and the server renders preview and snippets anew.
 */
export function EmbedBuilderForm({
  widget,
  events,
  languages,
  siteAccent,
}: {
  widget: EmbedWidget;
  events: Array<{ slug: string; title: string; listed: boolean }>;
  languages: Array<{ code: string; name: string }>;
  siteAccent: string;
}) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  function apply(form: HTMLFormElement) {
    clearTimeout(timer.current);
    const params = new URLSearchParams();
    for (const [name, raw] of new FormData(form)) {
      const value = typeof raw === 'string' ? raw.trim() : '';
      // Defaults stay out of the URL, as the server reads them anyway.
      const isDefault = (name === 'theme' && value === DEFAULT_EMBED_OPTIONS.theme) || (name === 'accent' && value.toLowerCase() === siteAccent);
      if (value && !isDefault) params.append(name, value);
    }
    const query = params.toString();
    startTransition(() => router.replace(query ? `${BUILDER_PATH}?${query}` : BUILDER_PATH, { scroll: false }));
  }

  // Typing and dragging the colour picker wait for a pause; choices apply at once.
  function onChange(event: ChangeEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    const target: EventTarget = event.target;
    const typing = target instanceof HTMLInputElement && ['search', 'text', 'color'].includes(target.type);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => apply(form), typing ? 400 : 0);
  }

  return (
    <form
      method="get"
      action={BUILDER_PATH}
      aria-label="Embed options"
      onChange={onChange}
      onSubmit={(event) => {
        event.preventDefault();
        apply(event.currentTarget);
      }}
      className="group flex flex-col gap-6 rounded-xl border border-slate-200 bg-surface p-4 shadow-sm sm:p-5"
    >
      <fieldset>
        <legend className={legend}>What to embed</legend>
        <div className="flex flex-col gap-1">
          {(Object.keys(KIND_LABELS) as EmbedWidgetKind[]).map((kind) => (
            <div key={kind} className={choice}>
              <input
                id={`kind-${kind}`}
                type="radio"
                name="kind"
                value={kind}
                defaultChecked={widget.kind === kind}
                aria-describedby={`kind-${kind}-hint`}
                className={radio}
              />
              <div>
                <label htmlFor={`kind-${kind}`} className="block cursor-pointer font-medium text-slate-900">
                  {KIND_LABELS[kind].label}
                </label>
                <p id={`kind-${kind}-hint`} className="text-sm text-slate-600">
                  {KIND_LABELS[kind].hint}
                </p>
              </div>
            </div>
          ))}
        </div>
      </fieldset>

      {/* Shown for an event or a form; CSS follows the checked kind, so this works without JavaScript too. */}
      <div className="group-has-[#kind-list:checked]:hidden">
        <label htmlFor="event" className={label}>
          Event
        </label>
        {events.length > 0 ? (
          <select id="event" name="event" defaultValue={widget.event ?? undefined} className={input}>
            {events.map((event) => (
              <option key={event.slug} value={event.slug}>
                {event.listed ? event.title : `${event.title} (unlisted)`}
              </option>
            ))}
          </select>
        ) : (
          <p className="text-sm text-slate-600">No published events yet.</p>
        )}
      </div>

      <fieldset className="group-has-[#kind-event:checked]:hidden group-has-[#kind-form:checked]:hidden">
        <legend className={legend}>List filters</legend>
        <div className="flex flex-col gap-3">
          <div>
            <label htmlFor="q" className={label}>
              Search words
            </label>
            <input id="q" name="q" type="search" defaultValue={widget.q} placeholder="Title, topic or host" maxLength={100} className={input} />
          </div>
          <div>
            <label htmlFor="lang" className={label}>
              Language
            </label>
            <select id="lang" name="lang" defaultValue={widget.lang ?? ''} className={input}>
              <option value="">Any language</option>
              {languages.map((language) => (
                <option key={language.code} value={language.code}>
                  {language.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      </fieldset>

      <fieldset>
        <legend className={legend}>Theme</legend>
        <div className="flex flex-col gap-1">
          {EMBED_THEMES.map((theme) => (
            <label key={theme} htmlFor={`theme-${theme}`} className={`${choice} cursor-pointer`}>
              <input id={`theme-${theme}`} type="radio" name="theme" value={theme} defaultChecked={widget.options.theme === theme} className={radio} />
              <span className="font-medium text-slate-900">{THEME_LABELS[theme]}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <div>
        <label htmlFor="accent" className={label}>
          Accent colour
        </label>
        <input
          id="accent"
          name="accent"
          type="color"
          defaultValue={widget.options.accent ?? siteAccent}
          aria-describedby="accent-hint"
          className="h-11 w-20 cursor-pointer rounded-lg border border-slate-300 bg-surface p-1"
        />
        <p id="accent-hint" className="mt-1 text-sm text-slate-600">
          Buttons and links. The default is the site&apos;s own colour, {siteAccent}.
        </p>
      </div>

      <div>
        <label htmlFor="locale" className={label}>
          Date and time format
        </label>
        <input
          id="locale"
          name="locale"
          type="text"
          list="locale-suggestions"
          defaultValue={widget.options.locale ?? ''}
          placeholder="The site's own"
          autoComplete="off"
          spellCheck={false}
          maxLength={35}
          aria-describedby="locale-hint"
          className={input}
        />
        <datalist id="locale-suggestions">
          {LOCALE_SUGGESTIONS.map((locale) => (
            <option key={locale} value={locale} />
          ))}
        </datalist>
        <p id="locale-hint" className="mt-1 text-sm text-slate-600">
          A locale such as fr-FR or en-GB.
        </p>
      </div>

      <button
        type="submit"
        className="min-h-11 rounded-lg bg-accent px-4 py-2 font-semibold text-on-accent shadow-sm hover:bg-accent-strong"
      >
        Update preview and code
      </button>
    </form>
  );
}
