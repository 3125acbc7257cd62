import path from "node:path";
import { SOURCE_KINDS, type SourceKind } from "../../lib/domain/source-kind";

// Several checkouts on one machine can run their browser tests at once by shifting every port.
const PORT_OFFSET = Number(process.env.JOBDECK_E2E_PORT_OFFSET ?? 0);
const PORT = 3210 + PORT_OFFSET;
const SIM_BASE_PORT = 9301 + PORT_OFFSET;
const PG_PORT = 5439 + PORT_OFFSET;
const dataDir = path.join(".data", "e2e");

const external = process.env.DATABASE_URL;
if (external && !/@(localhost|127\.0\.0\.1|\[::1\])[:/]/.test(external)) {
  throw new Error(
    "Browser tests create and wipe data: refusing to run with a non-local DATABASE_URL.",
  );
}

/** The one place the browser tests' ports, data directory and credentials are decided. */
export const E2E = {
  baseUrl: `http://localhost:${PORT}`,
  dataDir,
  simSpeed: 5,
  admin: { email: "admin@e2e.jobdeck.local", password: "e2e-Admin-passw0rd" },
  operator: {
    email: "operator@e2e.jobdeck.local",
    password: "e2e-Operator-passw0rd",
    name: "Olga Operator",
  },
  viewer: {
    email: "viewer@e2e.jobdeck.local",
    password: "e2e-Viewer-passw0rd",
    name: "Victor Viewer",
  },
  storage: {
    admin: path.join(dataDir, "..", "e2e-auth", "admin.json"),
    operator: path.join(dataDir, "..", "e2e-auth", "operator.json"),
    viewer: path.join(dataDir, "..", "e2e-auth", "viewer.json"),
  },
  serverEnv: {
    NODE_ENV: "production",
    PORT: String(PORT),
    JOBDECK_DATA_DIR: dataDir,
    JOBDECK_PG_PORT: String(PG_PORT),
    JOBDECK_SIM_BASE_PORT: String(SIM_BASE_PORT),
    JOBDECK_SIM_SPEED: "5",
    JOBDECK_DEMO: "true",
    JOBDECK_ADMIN_EMAIL: "admin@e2e.jobdeck.local",
    JOBDECK_ADMIN_PASSWORD: "e2e-Admin-passw0rd",
    JOBDECK_SIGNIN_ATTEMPTS_PER_MINUTE: "100",
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
  } as Record<string, string>,
};

/** Simulators listen on consecutive ports in SOURCE_KINDS order (lib/simulators/demo-estate.ts). */
export function simUrl(kind: SourceKind): string {
  return `http://127.0.0.1:${SIM_BASE_PORT + SOURCE_KINDS.indexOf(kind)}`;
}
