import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { getEventPage } from '@/lib/events/catalog';

/**
 * The existence check lives here, outside the page's loading boundary, so an unknown slug
 * answers with a real 404 status before anything streams.
 */
export default async function EventLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!(await getEventPage(decodeURIComponent(slug)))) notFound();
  return children;
}
