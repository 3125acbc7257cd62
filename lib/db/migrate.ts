import { spawn } from "node:child_process";
import path from "node:path";

/** Applies prisma/migrations to the database at `url` with Prisma's own deploy command. */
export async function applyMigrations(url: string): Promise<void> {
  const bin = path.resolve("node_modules/.bin/prisma");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(bin, ["migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`prisma migrate deploy failed (${code}):\n${output}`)),
    );
  });
}
