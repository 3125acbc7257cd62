import { describe, expect, it } from "vitest";
import type { SourceView } from "@/lib/contracts/sources";
import { bodyFromForm, EMPTY_FORM, formFromSource } from "./form-values";

const filled = {
  ...EMPTY_FORM,
  name: " Cluster A ",
  baseUrl: "https://a.example ",
  username: "admin",
  secret: "pw",
  pollSeconds: "30",
  timeoutSeconds: "2.5",
  optionsJson: '{"pageSize": 200}',
};

describe("bodyFromForm", () => {
  it("makes a create body in the API's units", () => {
    expect(bodyFromForm(filled, "create")).toEqual({
      body: {
        kind: "ontap",
        name: "Cluster A",
        baseUrl: "https://a.example",
        username: "admin",
        secret: "pw",
        tlsInsecure: false,
        tlsCaPem: null,
        pollIntervalMs: 30_000,
        timeoutMs: 2_500,
        options: { pageSize: 200 },
        enabled: true,
      },
    });
  });

  it("leaves the kind and a blank secret out of an edit, so the stored credential is kept", () => {
    const result = bodyFromForm({ ...filled, secret: "" }, "edit");
    expect("body" in result && result.body).not.toHaveProperty("secret");
    expect("body" in result && result.body).not.toHaveProperty("kind");
  });

  it("sends insecure or the CA bundle according to the TLS choice", () => {
    expect(
      bodyFromForm({ ...filled, tlsMode: "insecure", tlsCaPem: "ignored" }, "create"),
    ).toMatchObject({ body: { tlsInsecure: true, tlsCaPem: null } });
    expect(bodyFromForm({ ...filled, tlsMode: "ca", tlsCaPem: " PEM " }, "create")).toMatchObject({
      body: { tlsInsecure: false, tlsCaPem: "PEM" },
    });
  });

  it("names what the browser can already tell is wrong", () => {
    expect(
      bodyFromForm(
        { ...filled, secret: "", optionsJson: "[1]", pollSeconds: "soon", tlsMode: "ca" },
        "create",
      ),
    ).toEqual({
      errors: {
        options: "must be a JSON object",
        pollIntervalMs: "must be a number of seconds",
        secret: "is required",
        tlsCaPem: "paste the CA certificates (PEM)",
      },
    });
    expect(bodyFromForm({ ...filled, optionsJson: "{pageSize:" }, "create")).toEqual({
      errors: { options: "is not valid JSON" },
    });
  });
});

describe("formFromSource", () => {
  it("fills the form from a stored source with the password blank", () => {
    const source = {
      id: "s1",
      kind: "eyeglass",
      name: "EG",
      baseUrl: "https://eg/sera",
      username: null,
      hasSecret: true,
      tlsInsecure: true,
      tlsCaPem: null,
      options: { productionClusters: ["prod"] },
      enabled: false,
      pollIntervalMs: 20_000,
      timeoutMs: 5_000,
    } as unknown as SourceView;
    expect(formFromSource(source)).toMatchObject({
      kind: "eyeglass",
      username: "",
      secret: "",
      tlsMode: "insecure",
      pollSeconds: "20",
      timeoutSeconds: "5",
      enabled: false,
    });
    expect(JSON.parse(formFromSource(source).optionsJson)).toEqual({
      productionClusters: ["prod"],
    });
  });
});
