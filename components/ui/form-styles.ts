/** Form control classes shared by every form (buttons are components/ui/button.tsx). */
export const INPUT =
  "rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100";
export const ERROR = "text-sm text-red-700 dark:text-red-300";
