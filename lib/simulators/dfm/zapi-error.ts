/** A ZAPI-level failure: answered as HTTP 200 with `<results status="failed" errno reason>`. */
export class ZapiError extends Error {
  constructor(
    readonly errnoName: string,
    readonly detail: string,
  ) {
    super(`${errnoName}: ${detail}`);
  }
}
