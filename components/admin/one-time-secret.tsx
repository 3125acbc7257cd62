import type { ReactNode } from "react";

/**
 * A secret shown this once (a new token, a reset password): Jobdeck keeps only its hash, so the
 * panel stays until the admin says they have it, and is never refetched.
 */
export function OneTimeSecret({
  title,
  secret,
  testId,
  onDone,
  children,
}: {
  /** What the secret is for and that it will not be shown again. */
  title: ReactNode;
  secret: string;
  testId: string;
  onDone: () => void;
  /** How to use it, below the secret. */
  children?: ReactNode;
}) {
  return (
    <div
      role="status"
      className="flex flex-col gap-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950"
    >
      <p className="font-medium">{title}</p>
      <code
        data-testid={testId}
        className="rounded bg-white px-2 py-1 break-all select-all dark:bg-slate-900"
      >
        {secret}
      </code>
      {children}
      <button type="button" onClick={onDone} className="self-start text-sm underline">
        I have copied it
      </button>
    </div>
  );
}
