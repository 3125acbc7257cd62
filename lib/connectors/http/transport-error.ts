import { errors as undiciErrors } from "undici";
import { VendorError, VendorTimeoutError, VendorUnreachableError } from "../errors";

/** A failed request (refused, reset, timed out, untrusted certificate) as the vendor error a poll reports. */
export function toVendorError(
  err: unknown,
  name: string,
  url: string,
  timedOut: boolean,
): VendorError {
  if (err instanceof VendorError) return err;
  const where = `${name}: ${pathOf(url)}`;
  if (
    timedOut ||
    err instanceof undiciErrors.HeadersTimeoutError ||
    err instanceof undiciErrors.BodyTimeoutError ||
    err instanceof undiciErrors.ConnectTimeoutError
  ) {
    return new VendorTimeoutError(`${where} did not answer in time`);
  }
  const code =
    (err as { code?: string; cause?: { code?: string } }).code ??
    (err as { cause?: { code?: string } }).cause?.code;
  if (err instanceof Error && err.name === "AbortError") {
    return new VendorTimeoutError(`${where} request was cancelled`);
  }
  const reason = code ? describeCode(code) : err instanceof Error ? err.message : String(err);
  return new VendorUnreachableError(`${where} unreachable: ${reason}`);
}

function describeCode(code: string): string {
  switch (code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "ENOTFOUND":
      return "host not found";
    case "ECONNRESET":
    case "UND_ERR_SOCKET":
      return "connection reset";
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
    case "SELF_SIGNED_CERT_IN_CHAIN":
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
      return `TLS certificate not trusted (${code}); add the CA bundle or mark the source insecure`;
    default:
      return code;
  }
}

/** The path only: query strings can carry session ids, and hosts are already in the source name. */
export function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return "(invalid url)";
  }
}
