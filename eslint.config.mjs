import nextVitals from "eslint-config-next/core-web-vitals";
import tseslint from "typescript-eslint";

const nodeOnly = ["lib/sync/**", "lib/simulators/**", "lib/connectors/**", "lib/domain/**", "scripts/**"];

const config = [
  ...nextVitals,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/env.ts." },
      ],
    },
  },
  {
    files: ["lib/env.ts", "lib/env.test.ts", "lib/db/migrate.ts", "lib/testing/**", "prisma/**", "scripts/**", "bench/**", "playwright.config.ts", "vitest.config.ts", "prisma.config.ts", "e2e/**"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // Worker, simulators and connectors run as plain Node: they must not reach into the web app.
    files: nodeOnly,
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["@/app/*", "@/components/*", "server-only", "next/*", "react", "react-dom"] },
      ],
    },
  },
  { ignores: ["lib/generated/**", ".next/**", ".data/**", "node_modules/**", "next-env.d.ts"] },
];

export default config;
