import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("gives the demo defaults when nothing is set", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.JOBDECK_DEMO).toBe(true);
    expect(env.JOBDECK_SIM_BASE_PORT).toBe(9101);
  });

  it("names each bad variable", () => {
    expect(() => parseEnv({ PORT: "http", JOBDECK_SIM_SPEED: "-1" })).toThrow(
      /PORT[\s\S]*JOBDECK_SIM_SPEED|JOBDECK_SIM_SPEED[\s\S]*PORT/,
    );
    expect(() => parseEnv({ JOBDECK_SECRET_KEY: "short" })).toThrow(
      /JOBDECK_SECRET_KEY: must be 32 bytes, base64/,
    );
  });

  it("requires a secret key in production with an external database", () => {
    const external = {
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://u:p@db.example.com:5432/jobdeck",
    };
    expect(() => parseEnv(external)).toThrow(/JOBDECK_SECRET_KEY/);
    expect(
      parseEnv({ ...external, JOBDECK_SECRET_KEY: Buffer.alloc(32, 7).toString("base64") })
        .DATABASE_URL,
    ).toBe(external.DATABASE_URL);
  });

  it("wants the first admin's email and password together", () => {
    expect(() => parseEnv({ JOBDECK_ADMIN_EMAIL: "a@b.example" })).toThrow(
      /JOBDECK_ADMIN_PASSWORD/,
    );
  });
});
