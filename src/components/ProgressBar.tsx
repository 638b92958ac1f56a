'use client';
import type { CSSProperties, ReactElement } from 'react';
import { cx } from './class-names.js';

export interface ProgressBarProps {
  /** 0–100; clamped. */
  value: number;
  /** Accessible name, e.g. "Upload of report.pdf". */
  label: string;
  /** Spoken value, e.g. "40% (4 MB of 10 MB)". @default the rounded percent */
  valueText?: string;
  /** Marks a bar whose end is unknown (no `aria-valuenow`). @default false */
  indeterminate?: boolean;
  /** @default undefined */
  className?: string;
}

/**
 * `role="progressbar"` with `aria-valuenow`/`aria-valuetext`. How far the fill reaches is a CSS
 * custom property (`--filedock-progress`), so themes decide how it looks and `unstyled` shows
 * nothing.
 */
export function ProgressBar(props: ProgressBarProps) {
  return progressBar(props);
}

/**
 * The bar's markup as a plain call, for a list that draws a thousand of them: no component of its
 * own per row. At 0% the custom property is left unset (the stylesheet's fallback is 0%), so a
 * freshly picked row writes no inline style.
 */
export function progressBar({
  value,
  label,
  valueText,
  indeterminate = false,
  className,
}: ProgressBarProps): ReactElement {
  const now = Math.round(Math.min(100, Math.max(0, Number.isFinite(value) ? value : 0)));
  const style = now > 0 ? ({ '--filedock-progress': `${now}%` } as CSSProperties) : undefined;
  return (
    <div
      className={cx('filedock-progress', className)}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      {...(indeterminate ? {} : { 'aria-valuenow': now, 'aria-valuetext': valueText ?? `${now}%` })}
      data-value={indeterminate ? undefined : now}
      data-indeterminate={indeterminate ? '' : undefined}
      style={style}
    >
      <div className="filedock-progress-fill" />
    </div>
  );
}
