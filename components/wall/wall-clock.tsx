import { formatZoned, formatZonedDate, zoneLabel } from "./zone-time";

export function WallClock({ now, zone }: { now: number; zone: string | null }) {
  return (
    <div className="flex items-baseline gap-[0.5em]" data-testid="wall-clock">
      <span className="text-[0.8em] text-zinc-300">{formatZonedDate(now, zone)}</span>
      <time
        className="font-mono text-[1.6em] font-bold text-white tabular-nums"
        dateTime={new Date(now).toISOString()}
      >
        {formatZoned(now, zone, true)}
      </time>
      <span className="text-[0.8em] text-zinc-300" data-testid="wall-zone">
        {zoneLabel(now, zone)}
      </span>
    </div>
  );
}
