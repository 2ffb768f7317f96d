/**
 * Front-matter dates such as `2025-08-04 01:37:31` carry no zone. YAML reads them as UTC;
 * the author meant the site's zone. These helpers re-read the wall-clock time in that zone.
 */

/** Minutes that `timeZone` is ahead of UTC at the instant `utcMs`. */
function zoneOffsetMinutes(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

/** The instant at which clocks in `timeZone` show the given wall-clock fields (given as a UTC timestamp). */
export function wallClockToInstant(wallAsUtcMs: number, timeZone: string): Date {
  let instant = wallAsUtcMs - zoneOffsetMinutes(wallAsUtcMs, timeZone) * 60000;
  // Near a DST change the offset at the guess may differ from the offset at the answer: correct once.
  instant = wallAsUtcMs - zoneOffsetMinutes(instant, timeZone) * 60000;
  return new Date(instant);
}

const WALL_CLOCK = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Reads a front-matter date in `timeZone`. A `Date` from YAML holds the wall-clock time in its UTC fields;
 * a string may be `YYYY-MM-DD[ HH:MM[:SS]]` (wall clock) or carry its own offset (kept as written).
 */
export function readFrontMatterDate(value: Date | string, timeZone: string): Date {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error("date is not a valid date");
    return wallClockToInstant(value.getTime(), timeZone);
  }
  const match = WALL_CLOCK.exec(value.trim());
  if (match) {
    const [, y, mo, d, h = "0", mi = "0", s = "0"] = match;
    return wallClockToInstant(Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s), timeZone);
  }
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw new Error(`date "${value}" is not a date; write YYYY-MM-DD HH:MM:SS`);
  return parsed;
}

/** `2025-08-04 01:37` in `timeZone`, for display. */
export function formatDate(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

/** ISO 8601 with the zone's offset, e.g. `2025-08-04T01:37:31+08:00`, for `<time datetime>`. */
export function isoInZone(date: Date, timeZone: string): string {
  const offset = zoneOffsetMinutes(date.getTime(), timeZone);
  const local = new Date(date.getTime() + offset * 60000).toISOString().slice(0, 19);
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
