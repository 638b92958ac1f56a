'use client';
import type { TableShownLabels } from './labels.js';
import type { Formatters } from './format.js';

export interface PaginationProps {
  page: number;
  pageCount: number | undefined;
  hasPreviousPage: boolean;
  hasNextPage: boolean;
  onPrevious: () => void;
  onNext: () => void;
  labels: TableShownLabels;
  format: Formatters;
}

/**
 * Previous/Next stay rendered and are disabled at either end, so the layout does not jump. A named
 * group rather than a `<nav>` landmark: a page with two lists would otherwise have two landmarks of
 * the same name.
 */
export function Pagination({
  page,
  pageCount,
  hasPreviousPage,
  hasNextPage,
  onPrevious,
  onNext,
  labels,
  format,
}: PaginationProps) {
  return (
    // A fieldset is the native group of controls (role `group`), named by its label.
    <fieldset className="filedock-pagination" aria-label={labels.list.pagination}>
      <button
        type="button"
        className="filedock-button"
        data-action="previous"
        disabled={!hasPreviousPage}
        onClick={onPrevious}
      >
        {labels.list.previous}
      </button>
      <span className="filedock-page" aria-live="polite">
        {labels.list.pageOf(
          format.integer(page),
          pageCount === undefined ? undefined : format.integer(pageCount),
        )}
      </span>
      <button
        type="button"
        className="filedock-button"
        data-action="next"
        disabled={!hasNextPage}
        onClick={onNext}
      >
        {labels.list.next}
      </button>
    </fieldset>
  );
}
