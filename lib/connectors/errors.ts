/**
 * Every failure talking to a vendor becomes one of these, with a message an operator can act on.
 * Messages never contain credentials or tokens.
 */
export class VendorError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Connection refused, DNS failure, TLS failure, reset. */
export class VendorUnreachableError extends VendorError {
  constructor(message: string) {
    super(message, "unreachable", true);
  }
}

export class VendorTimeoutError extends VendorError {
  constructor(message: string) {
    super(message, "timeout", true);
  }
}

/** Credentials rejected (after any re-login the connector attempts). */
export class VendorAuthError extends VendorError {
  constructor(message: string) {
    super(message, "auth", false);
  }
}

/** The reply was not what the vendor documents: unparsable, truncated, wrong shape. */
export class VendorProtocolError extends VendorError {
  constructor(message: string, retryable = false) {
    super(message, "protocol", retryable);
  }
}

/**
 * A reply to a read that arrived cut off or is not the format it claims (an HTML error page from a
 * proxy with a JSON content type): usually the transport, not the vendor, so the read is retried.
 */
export class VendorGarbledReplyError extends VendorProtocolError {
  constructor(message: string) {
    super(message, true);
  }
}

/** An unexpected HTTP status; 5xx and 429 are worth retrying, after `retryAfterMs` when the vendor said. */
export class VendorHttpError extends VendorError {
  constructor(
    message: string,
    readonly status: number,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message, "http", status >= 500 || status === 429);
  }
}

/** The vendor understood and said no (job already finished, no pause support, ...). */
export class VendorRefusedError extends VendorError {
  constructor(
    message: string,
    readonly vendorCode: string | null,
  ) {
    super(message, "refused", false);
  }
}

export class VendorNotFoundError extends VendorError {
  constructor(message: string) {
    super(message, "not_found", false);
  }
}
