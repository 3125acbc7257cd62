import { z } from "zod";
import { describe, expect, it } from "vitest";
import { DFM_LAUNCH_OPERATIONS } from "@/lib/connectors/dfm/actions";
import { drTestParams, failoverParams } from "@/lib/connectors/eyeglass/launch-operations";
import {
  fieldErrorsFromProblem,
  fieldsFromSchema,
  initialValues,
  paramsFromValues,
} from "./launch-fields";

/** The exact description GET /api/sources/:id/operations sends. */
const described = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;

describe("fieldsFromSchema", () => {
  it("gives one field per Eyeglass failover option, in order, with the doc's meaning", () => {
    const fields = fieldsFromSchema(described(failoverParams));
    expect(fields.map((f) => f.name)).toEqual([
      "sourceid",
      "targetid",
      "failovertarget",
      "pool",
      "controlled",
      "datasync",
      "configsync",
      "resyncprep",
      "disablemirror",
      "quotasync",
      "blockonwarnings",
      "rollbackrenamedshares",
      "smbdataintegrity",
    ]);
    expect(fields[0]).toEqual({
      name: "sourceid",
      kind: "text",
      description: "ID of the source node for this job.",
      required: true,
      initial: "",
      pattern: null,
    });
    expect(fields[3]).toMatchObject({
      name: "pool",
      kind: "text",
      required: false,
      pattern: "^[^:\\s]+:[^:\\s]+:[^:\\s]+$",
    });
    expect(fields[5]).toEqual({
      name: "datasync",
      kind: "boolean",
      description: "Run the final incremental data sync before failover.",
      required: false,
      initial: "",
      pattern: null,
    });
  });

  it("marks a required boolean (DR test enable) and a date-time with a default companion (DFM purge)", () => {
    const dr = fieldsFromSchema(described(drTestParams));
    expect(dr.find((f) => f.name === "enable")).toMatchObject({
      kind: "boolean",
      required: true,
      initial: "",
    });
    const purge = DFM_LAUNCH_OPERATIONS[0];
    if (!purge) throw new Error("DFM offers purge-completed-before");
    const fields = fieldsFromSchema(described(purge.params));
    expect(fields).toEqual([
      {
        name: "completedBefore",
        kind: "datetime",
        description: "Jobs that completed successfully before this time are purged.",
        required: true,
        initial: "",
        pattern: null,
      },
      {
        name: "includeFailed",
        kind: "boolean",
        description:
          "Also purge jobs that completed with errors (failed, partially failed, aborted).",
        required: false,
        initial: "false",
        pattern: null,
      },
    ]);
    expect(initialValues(fields)).toEqual({ completedBefore: "", includeFailed: "false" });
  });

  it("has no fields for an operation without options, and tolerates a malformed description", () => {
    expect(fieldsFromSchema(described(z.object({})))).toEqual([]);
    expect(fieldsFromSchema({ properties: "nonsense", required: [3] })).toEqual([]);
  });
});

describe("paramsFromValues", () => {
  const fields = fieldsFromSchema(described(failoverParams));

  it("sends set values, leaves unset optional ones to the vendor's default, and turns selects into booleans", () => {
    const values = {
      ...initialValues(fields),
      sourceid: " prod-isilon01 ",
      targetid: "dr-isilon01",
      failovertarget: "p1-zone-hr",
      datasync: "true",
      controlled: "false",
    };
    const result = paramsFromValues(fields, values);
    expect(result).toEqual({
      params: {
        sourceid: "prod-isilon01",
        targetid: "dr-isilon01",
        failovertarget: "p1-zone-hr",
        controlled: false,
        datasync: true,
      },
      errors: {},
    });
    expect(failoverParams.safeParse(result.params).success).toBe(true);
  });

  it("names missing required fields and values that break the documented pattern", () => {
    const result = paramsFromValues(fields, {
      ...initialValues(fields),
      sourceid: "prod-isilon01",
      pool: "pool-hr",
    });
    expect(result.errors).toEqual({
      targetid: "required",
      failovertarget: "required",
      pool: "does not match ^[^:\\s]+:[^:\\s]+:[^:\\s]+$",
    });
    expect(result.params).toEqual({ sourceid: "prod-isilon01" });
  });

  it("sends a date-time as the ISO instant DFM's schema accepts", () => {
    const purge = DFM_LAUNCH_OPERATIONS[0];
    if (!purge) throw new Error("DFM offers purge-completed-before");
    const purgeFields = fieldsFromSchema(described(purge.params));
    const result = paramsFromValues(purgeFields, {
      completedBefore: "2024-03-01T12:30:00Z",
      includeFailed: "false",
    });
    expect(result).toEqual({
      params: { completedBefore: "2024-03-01T12:30:00.000Z", includeFailed: false },
      errors: {},
    });
    expect(purge.params.safeParse(result.params).success).toBe(true);
    expect(
      paramsFromValues(purgeFields, { completedBefore: "soon", includeFailed: "" }).errors,
    ).toEqual({ completedBefore: "not a date and time" });
  });
});

describe("fieldErrorsFromProblem", () => {
  it("maps the server's params.<name> parameters back to fields and keeps the others", () => {
    expect(
      fieldErrorsFromProblem([
        { parameter: "params.pool", message: "format is groupName:subnetName:poolName" },
        { parameter: "confirmation", message: "type the source name" },
      ]),
    ).toEqual({
      pool: "format is groupName:subnetName:poolName",
      confirmation: "type the source name",
    });
  });
});
