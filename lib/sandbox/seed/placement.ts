import { HOUR_MS, MINUTE_MS, findDstChangeDay, localTimeOnDay } from '../time';
import { WORKSPACE, type When } from './workspace';

// Where a seeded session falls in time: every instant is computed from the seeding instant, so
// the demo is always current, and at local wall-clock times in the session's zone.

/** 10:00 two days after the nearest DST change (3 to 38 days ahead) among the workspace's DST zones. */
function dstPlacement(nowMs: number): { tz: string; startMs: number } | null {
  let best: { tz: string; day: number } | null = null;
  for (const tz of WORKSPACE.dstZones) {
    const day = findDstChangeDay(nowMs, tz, 3, 38);
    if (day !== null && (best === null || day < best.day)) best = { tz, day };
  }
  if (!best) return null;
  return { tz: best.tz, startMs: localTimeOnDay(nowMs, best.day + 2, '10:00', best.tz) };
}

/** The session's zone (a `dst` session moves to the zone whose change it follows) and its start. */
export function plannedStart(when: When, tz: string, nowMs: number): { tz: string; startMs: number } {
  switch (when.kind) {
    case 'day':
      return { tz, startMs: localTimeOnDay(nowMs, when.days, when.time, tz) };
    case 'soon': {
      const half = 30 * MINUTE_MS;
      return { tz, startMs: Math.ceil((nowMs + 2 * HOUR_MS) / half) * half };
    }
    case 'late': {
      const quarter = 15 * MINUTE_MS;
      return { tz, startMs: Math.floor((nowMs - 10 * MINUTE_MS) / quarter) * quarter };
    }
    case 'live': {
      const five = 5 * MINUTE_MS;
      return { tz, startMs: Math.floor((nowMs - 10 * MINUTE_MS) / five) * five };
    }
    case 'dst':
      // No DST change in the horizon for any zone: a plain weekday slot instead.
      return dstPlacement(nowMs) ?? { tz, startMs: localTimeOnDay(nowMs, 19, '10:00', tz) };
  }
}
