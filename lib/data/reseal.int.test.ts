import { describe, expect, it } from "vitest";
import { openSourceSecret } from "@/lib/crypto/source-secret";
import { keyRotation } from "@/lib/testing/key-rotation";
import { appTestDatabase } from "@/lib/testing/test-db";
import { createSource, getSourceWithSecret, resealSourceSecrets } from "./sources";

const t = appTestDatabase();
const { oldKey, newKey, useKeys, idOf } = keyRotation();

describe("key rotation", () => {
  it("reseals every credential with the new key, reading old ones through the previous key", async () => {
    useKeys(oldKey);
    const a = await createSource(
      {
        kind: "ontap",
        name: "A",
        baseUrl: "https://a.example",
        username: "admin",
        secret: "pass-a",
      },
      t.db,
    );
    const b = await createSource(
      { kind: "dfm", name: "B", baseUrl: "https://b.example", username: "admin", secret: "pass-b" },
      t.db,
    );
    const sealedA = (await getSourceWithSecret(a.id, t.db))?.secretEnc ?? "";
    expect(sealedA.split(".")[1]).toBe(idOf(oldKey));

    useKeys(newKey);
    expect(() => openSourceSecret(sealedA, a.id)).toThrow(/neither JOBDECK_SECRET_KEY nor/);

    useKeys(newKey, [oldKey]);
    expect(openSourceSecret(sealedA, a.id)).toBe("pass-a");
    // A sealed value moved to another source's row does not open there.
    expect(() => openSourceSecret(sealedA, b.id)).toThrow(/belongs to another record/);
    expect(await resealSourceSecrets(t.db)).toEqual({ resealed: 2, current: 0 });
    expect(await resealSourceSecrets(t.db)).toEqual({ resealed: 0, current: 2 });

    useKeys(newKey);
    for (const [id, plain] of [
      [a.id, "pass-a"],
      [b.id, "pass-b"],
    ] as const) {
      const sealed = (await getSourceWithSecret(id, t.db))?.secretEnc ?? "";
      expect(sealed.split(".")[1]).toBe(idOf(newKey));
      expect(openSourceSecret(sealed, id)).toBe(plain);
    }
  });
});
