import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// `prisma generate` needs an adapter but never connects; commands that do connect are run by
// scripts that set DATABASE_URL (the embedded database's, when none is configured).
const connectionString = process.env.DATABASE_URL ?? "postgresql://unset@127.0.0.1:1/unset";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  adapter: async () => new PrismaPg({ connectionString }),
});
