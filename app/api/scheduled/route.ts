import { scheduledQuery } from "@/lib/contracts/explorer";
import { listScheduled } from "@/lib/data/scheduled";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const WEEK_MS = 7 * 24 * 3600_000;

export const GET = route({ query: scheduledQuery }, async ({ query }) => {
  const from = query.from ?? new Date();
  const to = query.to ?? new Date(from.getTime() + WEEK_MS);
  return { items: await listScheduled({ from, to, limit: query.limit, now: new Date() }) };
});
