import { spawn } from "node:child_process";
import { secretKey } from "@/lib/crypto/secret-key";
import { freePort } from "@/lib/testing/free-port";

export interface BenchAppServer {
  baseUrl: string;
  /** The web process (`npm run web`, as `npm start` runs it): its memory is the web process's. */
  pid: number;
  stop(): Promise<void>;
}

/**
 * The production build served as `npm start` and `npm run web` serve it (scripts/web.ts, Jobdeck's
 * own HTTP server around Next.js), on the benchmark's database and a free port; `env` adds settings.
 */
export async function startBenchAppServer(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<BenchAppServer> {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/web.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      // The benchmark's own key: sources it registered must open in the app (read-through, actions).
      JOBDECK_SECRET_KEY: secretKey().toString("base64"),
      JOBDECK_PUBLIC_URL: baseUrl,
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
  });
  // A benchmark that crashes must not leave its app server running.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`the web process exited (${code})`))),
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    const up = await Promise.race([
      fetch(`${baseUrl}/api/health`).then(
        (r) => r.ok,
        () => false,
      ),
      exited,
    ]);
    if (up) break;
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error("the app did not start within 60 s (run `npm run build` first)");
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    pid: child.pid ?? 0,
    stop: async () => {
      process.removeListener("exit", killOnExit);
      child.removeAllListeners("exit");
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}
