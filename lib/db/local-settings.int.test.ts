import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { withLocalSettings } from "./local-settings";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const workMem = async (rows: Promise<Array<{ v: string }>>) => (await rows)[0]?.v;

describe("withLocalSettings", () => {
  it("applies its settings to the read alone; every pooled connection keeps the default", async () => {
    const before = await workMem(t.db.$queryRaw`SELECT current_setting('work_mem') AS v`);
    expect(before).not.toBe("7MB");
    const during = await workMem(
      withLocalSettings(
        t.db,
        { work_mem: "7MB" },
        t.db.$queryRaw`SELECT current_setting('work_mem') AS v`,
      ),
    );
    expect(during).toBe("7MB");
    // As many reads at once as the pool holds connections: each one, the read's included, answers.
    const after = await Promise.all(
      Array.from({ length: 10 }, () =>
        workMem(t.db.$queryRaw`SELECT current_setting('work_mem') AS v, pg_sleep(0.05)::text AS s`),
      ),
    );
    expect(new Set(after)).toEqual(new Set([before]));
  });

  it("inside a caller's transaction leaves the transaction's settings alone", async () => {
    const inside = await t.db.$transaction(async (tx) =>
      workMem(
        withLocalSettings(
          tx,
          { work_mem: "7MB" },
          tx.$queryRaw`SELECT current_setting('work_mem') AS v`,
        ),
      ),
    );
    expect(inside).not.toBe("7MB");
  });
});
