import { describe, expect, it } from "vitest";
import { keyRotation } from "@/lib/testing/key-rotation";
import { appTestDatabase } from "@/lib/testing/test-db";
import { saveChannel } from "../services/channels";
import { testAdmin } from "../testing/workers";
import { resealChannelSecrets } from "./reseal";
import { openChannelSecret } from "./secret";

const t = appTestDatabase();
const { oldKey, newKey, useKeys, idOf } = keyRotation();

describe("alert channel secrets", () => {
  it("are sealed bound to their channel, never stored in clear, and resealed on key rotation", async () => {
    useKeys(oldKey);
    const saved = await saveChannel(
      {
        kind: "slack",
        name: "ops",
        enabled: true,
        url: "https://hooks.slack.example/services/T0/B0/secret-token",
      },
      testAdmin,
      null,
      t.db,
    );
    expect(saved.target).toBe("hooks.slack.example");
    const row = await t.db.alertChannel.findUniqueOrThrow({ where: { id: saved.id } });
    expect(row.secretEnc).not.toContain("secret-token");
    expect(JSON.stringify(row.config)).not.toContain("secret-token");
    // Copied onto another channel's row, it does not open.
    expect(() => openChannelSecret(row.secretEnc, crypto.randomUUID())).toThrow();

    useKeys(newKey, [oldKey]);
    expect(await resealChannelSecrets(t.db)).toEqual({ resealed: 1, current: 0 });
    const after = await t.db.alertChannel.findUniqueOrThrow({ where: { id: saved.id } });
    expect(after.secretEnc.split(".")[1]).toBe(idOf(newKey));
    useKeys(newKey);
    expect(openChannelSecret(after.secretEnc, after.id).url).toBe(
      "https://hooks.slack.example/services/T0/B0/secret-token",
    );
    expect(await resealChannelSecrets(t.db)).toEqual({ resealed: 0, current: 1 });
  });
});
