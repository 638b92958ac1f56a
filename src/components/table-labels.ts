/**
 * The English texts of the list's table (rows, download and delete, pagination). They live apart
 * from the other defaults so that they load with the table's chunk, not with every list.
 */
import type { ShownLabels, TableLabels, TableShownLabels } from './labels.js';

export const tableLabels: TableLabels = {
  caption: 'Files',
  name: 'Name',
  size: 'Size',
  created: 'Created',
  status: 'Status',
  actions: 'Actions',
  missing: '—',
  missingText: 'Not known',
  download: (name) => `Download ${name}`,
  delete: (name) => `Delete ${name}`,
  confirmDelete: (name) => `Confirm delete ${name}`,
  confirmDeleteText: 'Delete',
  keep: (name) => `Keep ${name}`,
  keepText: 'Keep',
  deleting: (name) => `Deleting ${name}…`,
  deleteFailed: (name, reason) => `${name} could not be deleted. ${reason}`,
  empty: 'No files yet',
  previous: 'Previous page',
  next: 'Next page',
  pagination: 'Pagination',
  pageOf: (page, pageCount) =>
    pageCount === undefined ? `Page ${page}` : `Page ${page} of ${pageCount}`,
};

/** `labels` with the table's English texts under whatever the app or a locale gave. */
export function withTableTexts(labels: ShownLabels): TableShownLabels {
  return { ...labels, list: { ...tableLabels, ...labels.list } };
}
