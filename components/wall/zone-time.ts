/** Clock text in the wall's zone (null: the screen's own), 24-hour so it reads the same everywhere. */
export function formatZoned(ms: number, zone: string | null, withSeconds = false): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: zone ?? undefined,
    hour: "2-digit",
    minute: "2-digit",
    ...(withSeconds ? { second: "2-digit" } : {}),
    hourCycle: "h23",
  }).format(ms);
}

export function formatZonedDate(ms: number, zone: string | null): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: zone ?? undefined,
    weekday: "short",
    day: "numeric",
    month: "short",
  }).format(ms);
}

/** "Europe/London (GMT)": the zone's name and its current abbreviation or offset. */
export function zoneLabel(ms: number, zone: string | null): string {
  const f = new Intl.DateTimeFormat("en-GB", {
    timeZone: zone ?? undefined,
    timeZoneName: "short",
  });
  const short = f.formatToParts(ms).find((p) => p.type === "timeZoneName")?.value ?? "";
  // The zone as the link spelled it: ICU may canonicalise it to an older alias (Asia/Calcutta).
  const name = zone ?? f.resolvedOptions().timeZone;
  return short && short !== name ? `${name} (${short})` : name;
}
