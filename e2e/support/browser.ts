import { systemChromium as onPath } from "../../lib/pdf/chromium";

export { CHROMIUM_ARGS, playwrightChromiumInstalled } from "../../lib/pdf/chromium";

/** A Chromium installed on the machine (Debian's package, or Chrome), found on PATH. */
export function systemChromium(): string | null {
  return onPath(process.env.PATH ?? "");
}
