/**
 * One sentence for each way the embedded PostgreSQL fails to start because of where it lives,
 * instead of a bare `spawn …/initdb EACCES` or a silent exit: what is wrong and what to do.
 */
export class EmbeddedDbError extends Error {
  override name = "EmbeddedDbError";
}

const OTHER_DB = "or set DATABASE_URL to a PostgreSQL server";

export function unreachableAsPostgresUser(folder: string): EmbeddedDbError {
  return new EmbeddedDbError(
    `The embedded PostgreSQL runs as the "postgres" user, which cannot enter ${folder} (a folder above it is private to root): put Jobdeck in a folder every user can enter (such as /opt or /srv) and set JOBDECK_DATA_DIR there too, ${OTHER_DB}.`,
  );
}

/** Maps a failure from creating, initialising or starting the cluster to its sentence; null when it is none of these. */
export function explainEmbeddedFailure(
  err: unknown,
  dataDir: string,
  log: string,
): EmbeddedDbError | null {
  const code =
    typeof err === "object" && err !== null && "code" in err
      ? String((err as { code: unknown }).code)
      : "";
  const text = `${err instanceof Error ? err.message : String(err ?? "")}\n${log}`;
  if (code === "EROFS" || /read-only file system/i.test(text)) {
    return new EmbeddedDbError(
      `Jobdeck's data folder ${dataDir} is on a read-only disk: set JOBDECK_DATA_DIR to a writable folder, ${OTHER_DB}.`,
    );
  }
  if (code === "ENOSPC" || /no space left on device/i.test(text)) {
    return new EmbeddedDbError(
      `The disk holding Jobdeck's data folder ${dataDir} is full: free some space there or set JOBDECK_DATA_DIR to a folder on another disk, ${OTHER_DB}.`,
    );
  }
  if (code === "EACCES" || code === "EPERM" || /permission denied|EACCES/i.test(text)) {
    return new EmbeddedDbError(
      `Jobdeck may not write its data folder ${dataDir}: give this user write access to it or set JOBDECK_DATA_DIR to a folder it may write, ${OTHER_DB}.`,
    );
  }
  return null;
}
