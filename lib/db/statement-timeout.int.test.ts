import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { createDb, type Db } from "./client";

let t: TestDatabase;
let bounded: Db;

beforeAll(async () => {
  t = await createTestDatabase();
  bounded = createDb(t.url, { statementTimeoutMs: 300 });
});
afterAll(async () => {
  await bounded.$disconnect();
  await t.drop();
});

describe("statement timeout", () => {
  it("cancels a statement that runs past it, and the connection serves the next one", async () => {
    await expect(bounded.$queryRaw`SELECT pg_sleep(5)`).rejects.toThrow(/statement timeout/);
    expect(await bounded.$queryRaw<Array<{ one: number }>>`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  });
});
