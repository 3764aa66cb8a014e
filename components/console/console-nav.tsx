'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { CONSOLE_SECTIONS } from '@/lib/console/sections';

/** The console's sections; the current one is marked for assistive technology too. */
export function ConsoleNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Console" className="mx-auto max-w-content px-4 sm:px-6">
      <ul className="flex flex-wrap gap-1" role="list">
        {CONSOLE_SECTIONS.map((section) => {
          const current = section.href === '/console' ? pathname === '/console' : pathname.startsWith(section.href);
          return (
            <li key={section.href}>
              <Link
                href={section.href}
                aria-current={current ? 'page' : undefined}
                className={`inline-flex min-h-11 items-center border-b-2 px-3 text-sm font-medium ${
                  current ? 'border-accent text-accent-strong' : 'border-transparent text-slate-700 hover:text-accent'
                }`}
              >
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
