/** A server value as the browser receives it after JSON: every Date becomes its ISO string. */
export type Wire<T> = T extends Date
  ? string
  : T extends ReadonlyArray<infer U>
    ? Array<Wire<U>>
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/**
 * Types a value as its JSON form, so a route can declare the contract it answers with and have the
 * compiler check the server's shape against it. Response.json does the actual conversion.
 */
export const asWire = <T>(value: T): Wire<T> => value as Wire<T>;
