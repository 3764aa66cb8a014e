'use client';

import { useEffect, useRef, useState, useSyncExternalStore } from 'react';

const subscribeNever = () => () => {};

/** One snippet to paste, with a copy button once JavaScript runs (without it, the code is plain selectable text). */
export function SnippetBlock({ id, label, description, code }: { id: string; label: string; description: string; code: string }) {
  const hydrated = useSyncExternalStore(subscribeNever, () => true, () => false);
  const [status, setStatus] = useState('');
  const codeRef = useRef<HTMLElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  function announce(message: string) {
    setStatus(message);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus(''), 6000);
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(code);
      announce(`${label} copied.`);
    } catch {
      // Clipboard refused (permissions, an old browser): select the code for a manual copy.
      const selection = window.getSelection();
      if (codeRef.current && selection) selection.selectAllChildren(codeRef.current);
      announce('Copying was not allowed. The code is selected: press Ctrl+C (⌘C on a Mac).');
    }
  }

  return (
    <div className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-surface p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1">
          <h3 id={`${id}-label`} className="font-semibold text-slate-900">
            {label}
          </h3>
          <p className="text-sm text-slate-600">{description}</p>
        </div>
        {hydrated ? (
          <button
            type="button"
            onClick={copy}
            className="min-h-11 rounded-lg bg-accent px-4 py-2 font-semibold text-on-accent shadow-sm hover:bg-accent-strong"
          >
            Copy<span className="sr-only"> {label.toLowerCase()}</span>
          </button>
        ) : null}
      </div>
      <pre className="whitespace-pre-wrap break-all rounded-lg bg-slate-900 p-3 font-mono text-sm leading-6 text-slate-100">
        <code ref={codeRef} id={id}>
          {code}
        </code>
      </pre>
      <p role="status" className="min-h-5 text-sm text-slate-700">
        {status}
      </p>
    </div>
  );
}
