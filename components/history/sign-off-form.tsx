"use client";

import { useState, type FormEvent } from "react";
import { useSignOff } from "./use-history";

/** Operators, admins and auditors add a note (canSignOff); viewers see the notes only. */
export function SignOffForm({ runId }: { runId: string }) {
  const [note, setNote] = useState("");
  const signOff = useSignOff(runId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!note.trim()) return;
    signOff.mutate(note.trim(), { onSuccess: () => setNote("") });
  };
  return (
    <form onSubmit={submit} className="no-print mt-2 space-y-2" data-testid="sign-off-form">
      <label className="block text-sm">
        <span className="text-xs font-medium text-slate-500 uppercase">Add a sign-off note</span>
        <textarea
          name="note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          rows={3}
          maxLength={4000}
          className="mt-1 block w-full rounded border border-slate-300 bg-white p-2 dark:border-slate-600 dark:bg-slate-900"
        />
      </label>
      <button
        type="submit"
        disabled={signOff.isPending || !note.trim()}
        className="rounded bg-slate-800 px-3 py-1 text-sm text-white disabled:opacity-50 dark:bg-slate-200 dark:text-slate-900"
      >
        {signOff.isPending ? "Signing…" : "Sign off"}
      </button>
      {signOff.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          Could not sign off: {signOff.error.message}
        </p>
      )}
    </form>
  );
}
