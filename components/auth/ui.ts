export const INPUT =
  "rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100";
export const BUTTON = "rounded bg-sky-700 px-3 py-1 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60";
export const DANGER_LINK = "text-sm text-red-700 hover:underline disabled:opacity-60 dark:text-red-300";
export const ERROR = "text-sm text-red-700 dark:text-red-300";
