import { describe, expect, it } from "vitest";
import { newSourceBody, sourcePatchBody, testConnectionBody } from "./sources";
import { vendorOptionIssues, vendorOptionKeys } from "@/lib/connectors/vendor-options";

const valid = {
  kind: "ontap",
  name: "Cluster A",
  baseUrl: "https://cluster-a.example:443",
  username: "admin",
  secret: "pw",
} as const;
const CERT = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";

function paths(result: {
  success: boolean;
  error?: { issues: Array<{ path: PropertyKey[] }> };
}): string[] {
  return (result.error?.issues ?? []).map((i) => i.path.join(".")).sort();
}

describe("newSourceBody", () => {
  it("accepts a complete source", () => {
    expect(
      newSourceBody.safeParse({
        ...valid,
        tlsCaPem: CERT,
        pollIntervalMs: 30_000,
        timeoutMs: 5_000,
        options: { pageSize: 200 },
      }).success,
    ).toBe(true);
  });

  it("names each bad field", () => {
    const r = newSourceBody.safeParse({
      kind: "netbackup",
      name: "",
      baseUrl: "ftp://x",
      secret: "",
    });
    expect(paths(r)).toEqual(["baseUrl", "kind", "name", "secret"]);
  });

  it("refuses a URL with credentials in it, and a CA bundle that is not PEM", () => {
    expect(
      paths(newSourceBody.safeParse({ ...valid, baseUrl: "https://admin:pw@cluster-a" })),
    ).toEqual(["baseUrl"]);
    expect(paths(newSourceBody.safeParse({ ...valid, tlsCaPem: "not a cert" }))).toEqual([
      "tlsCaPem",
    ]);
  });

  it("refuses a CA bundle and insecure together", () => {
    expect(paths(newSourceBody.safeParse({ ...valid, tlsCaPem: CERT, tlsInsecure: true }))).toEqual(
      ["tlsInsecure"],
    );
  });

  it("checks vendor options against the kind's connector schema, strictly", () => {
    expect(paths(newSourceBody.safeParse({ ...valid, options: { pageSize: 0 } }))).toEqual([
      "options.pageSize",
    ]);
    expect(paths(newSourceBody.safeParse({ ...valid, options: { pagesize: 10 } }))).toEqual([
      "options.pagesize",
    ]);
    expect(
      newSourceBody.safeParse({
        ...valid,
        kind: "eyeglass",
        username: null,
        options: { productionClusters: ["prod-a"] },
      }).success,
    ).toBe(true);
    expect(
      paths(newSourceBody.safeParse({ ...valid, kind: "commvault", options: { format: "yaml" } })),
    ).toEqual(["options.format"]);
  });
});

describe("sourcePatchBody and testConnectionBody", () => {
  it("lets an edit send only what changed, including a blank secret", () => {
    expect(sourcePatchBody.safeParse({ enabled: false }).success).toBe(true);
    expect(sourcePatchBody.safeParse({ secret: "" }).success).toBe(true);
    expect(paths(sourcePatchBody.safeParse({ kind: "dfm" }))).toEqual([""]);
  });

  it("needs a secret to test unless it names the stored source", () => {
    const noSecret = {
      kind: valid.kind,
      name: valid.name,
      baseUrl: valid.baseUrl,
      username: valid.username,
    };
    expect(paths(testConnectionBody.safeParse(noSecret))).toEqual(["secret"]);
    expect(
      testConnectionBody.safeParse({
        ...noSecret,
        sourceId: "2f0ad5b8-6a43-4a8e-9a35-0a5d3b1c1a11",
      }).success,
    ).toBe(true);
  });
});

describe("vendor options", () => {
  it("lists the keys each kind understands", () => {
    expect(vendorOptionKeys("dfm")).toEqual(
      expect.arrayContaining(["pageSize", "scheduleWindowHours", "errnos"]),
    );
    expect(vendorOptionKeys("commvault").sort()).toEqual(["format", "webServiceRoot"]);
    expect(vendorOptionIssues("spp", {})).toEqual([]);
  });
});
