import type { ButtonHTMLAttributes } from "react";

const VARIANTS = {
  /** The form's main action. */
  primary:
    "rounded bg-sky-700 px-3 py-1 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60",
  /** Secondary actions: export, load more, cancel. */
  secondary:
    "rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800",
  /** An action in a table row. */
  link: "text-sm text-sky-800 hover:underline disabled:opacity-60 dark:text-sky-300",
  /** A destructive action in a table row (revoke, delete). */
  danger: "text-sm text-red-700 hover:underline disabled:opacity-60 dark:text-red-300",
} as const;
export type ButtonVariant = keyof typeof VARIANTS;

/** The classes of a button, for links that look like one (a download, a route). */
export const buttonClass = (variant: ButtonVariant, extra = "") =>
  `${VARIANTS[variant]} ${extra}`.trim();

/** Jobdeck's buttons; `type` is "button" unless it submits a form. */
export function Button({
  variant = "secondary",
  className,
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return <button type={type} className={buttonClass(variant, className)} {...props} />;
}
