import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { eventExists } from '@/lib/pages/event-page';

/**
 * The existence check lives here, outside the page's loading boundary, so an unknown slug
 * answers with a real 404 status before anything streams.
 */
export default async function EventLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!(await eventExists(slug))) notFound();
  return children;
}
