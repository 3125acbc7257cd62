import { getDb } from "@/lib/db/client";

export interface HealthReport {
  database: "ok" | "down";
  sources: { total: number; failing: number };
  checkedAt: string;
}

/** Liveness for load balancers and the wall display: no vendor names or errors (it is public). */
export async function healthReport(): Promise<HealthReport> {
  const checkedAt = new Date().toISOString();
  try {
    const db = getDb();
    const [total, failing] = await Promise.all([
      db.source.count({ where: { enabled: true } }),
      db.source.count({ where: { enabled: true, consecutiveFailures: { gt: 0 } } }),
    ]);
    return { database: "ok", sources: { total, failing }, checkedAt };
  } catch {
    return { database: "down", sources: { total: 0, failing: 0 }, checkedAt };
  }
}
