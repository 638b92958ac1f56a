'use client';
import type { Announcement } from './use-announcements.js';

/**
 * A polite status region, present from the first render (screen readers only watch regions that
 * already exist), visually hidden by the default theme. Each line is its own node, so a repeated
 * text is still announced.
 */
export function LiveRegion({ lines }: { lines: readonly Announcement[] }) {
  return (
    <div
      className="filedock-live filedock-visually-hidden"
      role="status"
      aria-live="polite"
      data-filedock-live=""
    >
      {lines.map((line) => (
        <p key={line.id}>{line.text}</p>
      ))}
    </div>
  );
}
