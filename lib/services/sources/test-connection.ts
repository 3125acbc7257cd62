import { openSourceSecret } from "@/lib/crypto/source-secret";
import { VendorError } from "@/lib/connectors/errors";
import { CONNECTORS } from "@/lib/connectors/registry";
import type { SourceConfig } from "@/lib/connectors/types";
import { getSourceWithSecret } from "@/lib/data/sources";
import { getDb, type Tx } from "@/lib/db/client";
import { Invalid, NotFound } from "@/lib/domain/errors";
import { toSourceConfig } from "@/lib/sync/source-config";
import { credentialBindingChanged } from "./credential-binding";
import type { ConnectionTestResult, TestConnectionBody } from "@/lib/contracts/sources";

/**
 * Tests settings from the form; when editing, a blank secret means the stored one, which is only
 * ever sent to the stored base URL with the stored TLS settings (see credentialBindingChanged).
 */
export async function testSubmittedSource(
  body: TestConnectionBody,
  db: Tx = getDb(),
): Promise<ConnectionTestResult> {
  let secret = body.secret || null;
  if (!secret && body.sourceId) {
    const stored = await getSourceWithSecret(body.sourceId, db);
    if (!stored) throw new NotFound(`No source ${body.sourceId}.`);
    if (
      stored.secretEnc &&
      (stored.kind !== body.kind ||
        credentialBindingChanged(stored, {
          baseUrl: body.baseUrl,
          tlsInsecure: body.tlsInsecure ?? false,
          tlsCaPem: body.tlsCaPem || null,
        }))
    ) {
      throw new Invalid(
        "Enter the password or token to test these settings: the stored one is only sent to the address and TLS settings it was entered for.",
        [
          {
            parameter: "secret",
            message: "is required when testing another base URL, kind or TLS setting",
          },
        ],
      );
    }
    secret = stored.secretEnc ? openSourceSecret(stored.secretEnc, stored.id) : null;
  }
  return runConnectionTest({
    id: body.sourceId ?? "connection-test",
    kind: body.kind,
    name: body.name,
    baseUrl: body.baseUrl,
    username: body.username || null,
    secret,
    tls: { insecure: body.tlsInsecure ?? false, caPem: body.tlsCaPem || null },
    timeoutMs: body.timeoutMs ?? 10_000,
    options: body.options ?? {},
  });
}

export async function testStoredSource(
  id: string,
  db: Tx = getDb(),
): Promise<ConnectionTestResult> {
  const row = await getSourceWithSecret(id, db);
  if (!row) throw new NotFound(`No source ${id}.`);
  return runConnectionTest(toSourceConfig(row));
}

/**
 * A fresh connector, never the worker's cached one, so the test shows what these exact settings
 * get from the vendor; its session is closed afterwards.
 */
export async function runConnectionTest(config: SourceConfig): Promise<ConnectionTestResult> {
  const started = Date.now();
  const factory = CONNECTORS[config.kind];
  if (!factory) return { ok: false, message: `No connector for ${config.kind}.`, durationMs: 0 };
  try {
    const connector = factory(config);
    try {
      const message = await connector.testConnection(AbortSignal.timeout(config.timeoutMs * 3));
      return { ok: true, message, durationMs: Date.now() - started };
    } finally {
      await connector.close?.().catch(() => {});
    }
  } catch (err) {
    return {
      ok: false,
      message: failureMessage(err, config.secret),
      durationMs: Date.now() - started,
    };
  }
}

function failureMessage(err: unknown, secret: string | null): string {
  const text =
    err instanceof VendorError
      ? err.message
      : `Could not test the connection: ${err instanceof Error ? err.message : String(err)}`;
  // Vendor errors never carry credentials by contract; anything else might echo one back.
  return secret ? text.replaceAll(secret, "[redacted]") : text;
}
