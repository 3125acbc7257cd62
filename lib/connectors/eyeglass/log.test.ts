import { describe, expect, it } from "vitest";
import { parseFailoverLog } from "./log";

describe("parseFailoverLog", () => {
  it("reads timestamp and level per line, numbering lines from 0, and keeps unknown lines as text", () => {
    const text = [
      "2026-11-23 11:54:00,000 INFO  Starting Zone failover zone-finance (job abc)",
      "2026-11-23 11:54:12,345 WARN  Completed with warnings: Readiness validation > Check failover readiness: SPN missing",
      "   at com.superna.Failover.run(Failover.java:42)",
      "2026-11-23T11:55:00.5+01:00 ERROR Failed: Make target writable",
      "",
    ].join("\n");
    const lines = parseFailoverLog(text);
    expect(lines.map((l) => [l.seq, l.level, l.at?.toISOString() ?? null])).toEqual([
      [0, "INFO", "2026-11-23T11:54:00.000Z"],
      [1, "WARN", "2026-11-23T11:54:12.345Z"],
      [2, null, null],
      [3, "ERROR", "2026-11-23T10:55:00.500Z"],
    ]);
    expect(lines[0]?.text).toBe("Starting Zone failover zone-finance (job abc)");
    expect(lines[2]?.text).toBe("   at com.superna.Failover.run(Failover.java:42)");
  });

  it("has no lines for an empty log", () => {
    expect(parseFailoverLog("")).toEqual([]);
  });
});
