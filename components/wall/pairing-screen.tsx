"use client";

import { useEffect, useState } from "react";
import { ApiError, apiFetch } from "@/components/api/api-fetch";

interface Pairing {
  code: string;
  deviceSecret: string;
}

const POLL_MS = 3_000;

/**
 * What an unsigned wall screen shows: a one-time code for an admin to enter at /wall/pair. The
 * screen polls until the code is approved, receives its display cookie, and loads the wall.
 */
export function PairingScreen() {
  const [pairing, setPairing] = useState<Pairing | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer = 0;
    const begin = async () => {
      try {
        const next = await apiFetch<Pairing>("/api/pairing", { method: "POST" });
        if (stopped) return;
        setPairing(next);
        setProblem(null);
        poll(next);
      } catch (err) {
        setProblem(err instanceof Error ? err.message : "Cannot reach Jobdeck");
        timer = window.setTimeout(() => void begin(), POLL_MS * 5);
      }
    };
    const poll = (p: Pairing) => {
      timer = window.setTimeout(async () => {
        // 202 while waiting, 200 once paired (with the cookie), 410 when the code has expired.
        const claim = await apiFetch<{ status: string }>("/api/pairing/claim", {
          method: "POST",
          json: { code: p.code, deviceSecret: p.deviceSecret },
        }).catch((err: unknown) =>
          err instanceof ApiError && err.status === 410 ? ({ status: "expired" } as const) : null,
        );
        if (stopped) return;
        if (claim?.status === "paired") window.location.reload();
        else if (claim?.status === "expired") void begin();
        else poll(p);
      }, POLL_MS);
    };
    void begin();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, []);
  return (
    <div
      className="dark fixed inset-0 flex flex-col items-center justify-center gap-[1em] bg-black text-center text-zinc-100"
      style={{ fontSize: "max(16px, min(1.4vw, 2.5vh))" }}
    >
      <h1 className="text-[1.6em] font-bold">Pair this screen with Jobdeck</h1>
      <p
        className="font-mono text-[5em] font-extrabold tracking-[0.15em] text-white"
        data-testid="pairing-code"
      >
        {pairing?.code ?? "…"}
      </p>
      <p className="max-w-[36em] text-zinc-300">
        An admin opens <span className="font-mono text-white">/wall/pair</span> in Jobdeck and
        enters this code. The code works once and expires in 10 minutes; this screen then stays
        signed in until its display token is revoked.
      </p>
      <p className="text-[0.8em] text-zinc-400">
        A person can sign in instead at <span className="font-mono">/sign-in?next=/wall</span>.
      </p>
      {problem ? <p className="text-amber-300">⚠ {problem}: retrying</p> : null}
    </div>
  );
}
