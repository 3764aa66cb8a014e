'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { TIME_ZONE_COOKIE } from '@/lib/time';

/**
 * Tells the server the visitor's zone (a cookie), so later renders group days and print times in
 * it directly. When this render was grouped in another zone, re-render once on the server.
 */
export function TimeZoneSync({ serverTimeZone }: { serverTimeZone: string | null }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    if (zone !== serverTimeZone) router.refresh();
  }, [router, serverTimeZone]);
  return null;
}
