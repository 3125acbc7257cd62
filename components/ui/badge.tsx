import type { ReactNode } from "react";

/** Badge colours, AA-contrast on light and dark; status is also carried by the icon and the words. */
export const TONES = {
  slate: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100",
  grey: "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100",
  zinc: "bg-zinc-200 text-zinc-900 dark:bg-zinc-700 dark:text-zinc-100",
  stone: "bg-stone-200 text-stone-900 dark:bg-stone-700 dark:text-stone-100",
  sky: "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100",
  violet: "bg-violet-100 text-violet-900 dark:bg-violet-900 dark:text-violet-100",
  amber: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  orange: "bg-orange-100 text-orange-900 dark:bg-orange-900 dark:text-orange-100",
  yellow: "bg-yellow-100 text-yellow-900 dark:bg-yellow-900 dark:text-yellow-100",
  emerald: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100",
  red: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100",
} as const;
export type Tone = keyof typeof TONES;

/** What a status badge shows for one value: an icon (for colour-blind and greyscale reading) and a tone. */
export interface BadgeStyle {
  icon?: string;
  tone: Tone;
}

type DataAttributes = { [name: `data-${string}`]: string | undefined };

/** A small coloured label: an icon beside the words, so it reads without colour too. */
export function Badge({
  tone,
  icon,
  title,
  className = "",
  children,
  ...data
}: {
  tone: Tone;
  icon?: string;
  title?: string;
  className?: string;
  children: ReactNode;
} & DataAttributes) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium ${TONES[tone]} ${className}`}
      title={title}
      {...data}
    >
      {icon && <span aria-hidden>{icon}</span>}
      {children}
    </span>
  );
}
