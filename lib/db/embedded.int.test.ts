import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/testing/free-port";
import { startEmbeddedPostgres } from "./embedded";

const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

describe("the embedded PostgreSQL in a folder only its owner may enter", () => {
  it("as root, refuses with one sentence naming the folder; as anyone else, starts", async () => {
    // mkdtemp makes the folder 0700, like root's home or a private temp folder.
    const privateDir = await mkdtemp(path.join(tmpdir(), "jobdeck-private-"));
    made.push(privateDir);
    const dataDir = path.join(privateDir, "data", "pg");
    const starting = startEmbeddedPostgres({ dataDir, port: await freePort() });
    if (userInfo().uid === 0) {
      await expect(starting).rejects.toThrow(
        `The embedded PostgreSQL runs as the "postgres" user, which cannot enter ${path.dirname(dataDir)}`,
      );
    } else {
      const db = await starting;
      await db.stop();
    }
  });
});
