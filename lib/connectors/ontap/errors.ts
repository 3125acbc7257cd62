import {
  VendorAuthError,
  VendorHttpError,
  VendorNotFoundError,
  VendorRefusedError,
  type VendorError,
} from "@/lib/connectors/errors";
import type { OntapErrorBody } from "./schemas";

/** What each documented ONTAP job error means for the operator who asked. */
const REFUSALS: Readonly<Record<string, string>> = {
  "458762": "The job has already finished, so it can no longer be paused, resumed or cancelled.",
  "458771": "The job is running; only a paused job can be resumed.",
  "458776":
    "The job is not running right now (it is queued or paused), so it cannot be paused or resumed.",
  "458783": "This kind of ONTAP job cannot be paused.",
  "458784": "This kind of ONTAP job cannot be cancelled.",
  "458773":
    "The cluster's job manager is not initialised (for example just after a takeover); try again in a few minutes.",
  "459753": "ONTAP could not carry out the request.",
};

const GONE =
  "The job no longer exists on the cluster (ONTAP deletes jobs 5 minutes after they finish).";

/** Turns a non-2xx ONTAP reply into a VendorError an operator can act on. Never includes credentials. */
export function ontapFailure(
  source: string,
  status: number,
  error: OntapErrorBody | null,
  aboutJob: boolean,
): VendorError {
  const code = error?.code ?? null;
  const vendorText = error?.message
    ? ` (ONTAP ${code ?? "error"}: ${error.message})`
    : code
      ? ` (ONTAP ${code})`
      : "";
  if (status === 401)
    return new VendorAuthError(`${source}: ONTAP rejected the user name or password (HTTP 401)`);
  if (status === 403)
    return new VendorAuthError(
      `${source}: the ONTAP user lacks the role needed for this request (HTTP 403)${vendorText}`,
    );
  if (aboutJob && (code === "4" || status === 404))
    return new VendorNotFoundError(`${source}: ${GONE}${vendorText}`);
  const refusal = code ? REFUSALS[code] : undefined;
  if (refusal && code) return new VendorRefusedError(`${source}: ${refusal}${vendorText}`, code);
  return new VendorHttpError(`${source}: ONTAP answered HTTP ${status}${vendorText}`, status);
}
