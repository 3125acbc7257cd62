import nextVitals from "eslint-config-next/core-web-vitals";
import tseslint from "typescript-eslint";

const nodeOnly = [
  "lib/sync/**",
  "lib/simulators/**",
  "lib/connectors/**",
  "lib/domain/**",
  "scripts/**",
];

/** Tests wire real parts together (a connector against its simulator, a route against the database). */
const tests = ["**/*.test.ts", "**/*.test.tsx"];

/** A layer rule: files in `files` may not import what `patterns` names (see ARCHITECTURE.md, "Layers"). */
const layer = (files, patterns, ignores = tests) => ({
  files,
  ignores,
  rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns }] },
});

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
      // eslint-config-next brings eslint-plugin-import with the TypeScript resolver (so @/ paths resolve).
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    files: [
      "lib/env.ts",
      "lib/env.test.ts",
      "lib/db/migrate.ts",
      "lib/testing/**",
      "prisma/**",
      "scripts/**",
      "bench/**",
      "playwright.config.ts",
      "vitest.config.ts",
      "prisma.config.ts",
      "e2e/**",
    ],
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
  // Browser code sees the server only through the API: it imports contracts (shapes) and domain
  // (pure rules), never the database, its queries or the services around them, not even for types.
  layer(
    ["components/**", "app/**/*-client.tsx"],
    [
      {
        group: [
          "@/lib/*",
          "@/lib/*/**",
          "!@/lib/contracts",
          "!@/lib/contracts/**",
          "!@/lib/domain",
          "!@/lib/domain/**",
        ],
        message:
          "Components import lib/contracts and lib/domain only; reach the server through an API route and a hook.",
      },
    ],
  ),
  layer(
    ["lib/data/**"],
    [
      {
        group: ["@/lib/services", "@/lib/services/**"],
        message:
          "lib/data is below lib/services: move the shared piece down to lib/data or lib/domain.",
      },
      {
        group: ["@/lib/http", "@/lib/http/**"],
        message: "lib/data does not speak HTTP: throw a domain error (lib/domain/errors.ts).",
      },
    ],
  ),
  layer(
    ["lib/services/**"],
    [
      {
        group: ["@/lib/http", "@/lib/http/**"],
        message:
          "Services do not speak HTTP: throw a domain error (lib/domain/errors.ts); the route wrapper maps it.",
      },
    ],
  ),
  // A connector and the simulator it is tested against are written apart from the vendor's
  // document, so one cannot hide the other's bug: only tests and test rigs put them together.
  layer(
    ["lib/connectors/**"],
    [
      {
        group: ["@/lib/simulators", "@/lib/simulators/**", "**/simulators/**"],
        message:
          "Connectors never import simulators; tests meet them through lib/testing/connector-rig.ts.",
      },
    ],
  ),
  layer(
    ["lib/simulators/**"],
    [
      {
        group: ["@/lib/connectors", "@/lib/connectors/**", "**/connectors/**"],
        message:
          "Simulators never import connectors: each encodes the vendor's wire format on its own.",
      },
    ],
  ),
  { ignores: ["lib/generated/**", ".next/**", ".data/**", "node_modules/**", "next-env.d.ts"] },
];

export default config;
