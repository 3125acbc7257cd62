"use client";

import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api/api-fetch";
import { ERROR, INPUT } from "@/components/ui/form-styles";
import { Button } from "@/components/ui/button";

/** The admin's half of pairing: the code on the screen and a name for it. */
export function PairForm() {
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    try {
      const done = await apiFetch<{ code: string; name: string }>("/api/pairing/approve", {
        method: "POST",
        json: { code: String(form.get("code") ?? ""), name: String(form.get("name") ?? "") },
      });
      setResult({
        ok: true,
        text: `Paired: the screen showing ${done.code} is now “${done.name}” and will load the wall in a few seconds.`,
      });
    } catch (err) {
      setResult({ ok: false, text: err instanceof Error ? err.message : "Pairing failed." });
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} className="flex max-w-md flex-col gap-3">
      <label className="flex flex-col gap-1 text-sm">
        Code shown on the screen
        <input
          name="code"
          required
          autoComplete="off"
          placeholder="K7QM-4XTP"
          className={`${INPUT} font-mono uppercase`}
        />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Name for the screen
        <input name="name" required maxLength={100} placeholder="NOC left" className={INPUT} />
      </label>
      <Button type="submit" variant="primary" disabled={busy}>
        Pair screen
      </Button>
      {result ? (
        <p
          role={result.ok ? "status" : "alert"}
          className={result.ok ? "text-sm text-emerald-700 dark:text-emerald-300" : ERROR}
          data-testid="pair-result"
        >
          {result.text}
        </p>
      ) : null}
    </form>
  );
}
