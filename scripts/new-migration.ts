/**
 * Authors a migration from the change to prisma/schema.prisma since the last commit, with
 * `prisma migrate diff` (the shadow-database `migrate dev` does not work through the JS engine).
 * Usage: npm run db:migration -- <name>
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { resolveDatabase } from "@/lib/db/resolve-database";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(2);
}

let from: string[];
try {
  const previous = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  const file = path.join(mkdtempSync(path.join(tmpdir(), "jobdeck-schema-")), "schema.prisma");
  writeFileSync(file, previous);
  from = ["--from-schema-datamodel", file];
} catch {
  from = ["--from-empty"];
}

// Prisma's JS engine reaches the database through the adapter even for a pure schema diff.
const db = await resolveDatabase();
let sql: string;
try {
  sql = execFileSync(
    "node_modules/.bin/prisma",
    ["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    { encoding: "utf8", env: { ...process.env, DATABASE_URL: db.url } },
  );
} finally {
  await db.stop();
}
if (/This is an empty migration/.test(sql)) {
  console.log("schema unchanged since HEAD: no migration written");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`wrote ${dir}/migration.sql`);
