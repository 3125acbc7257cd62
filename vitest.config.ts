import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "app/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "int",
          include: [
            "lib/**/*.int.test.ts",
            "app/**/*.int.test.ts",
            "prisma/**/*.int.test.ts",
            "scripts/**/*.int.test.ts",
          ],
          environment: "node",
          globalSetup: ["lib/testing/global-setup.ts"],
          // Tests write rows directly, without the notifications the sync raises, and read them back
          // at once: reuse of answers is tested where it is built (lib/live/shared-reads.int.test.ts).
          env: { JOBDECK_SHARED_READ_MS: "0" },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
