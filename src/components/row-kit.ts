/**
 * What an upload row draws with from modules an app's first load has anyway (see upload-row.tsx):
 * one object for the uploader's lazily loaded rows and the public `UploadItem` alike.
 */
import { cx } from './class-names.js';
import { errorText } from './english.js';
import { Interrupted } from './lazy-interrupted.js';
import { progressBar } from './ProgressBar.js';
import { statusBadge } from './StatusBadge.js';
import type { RowKit } from './upload-row.js';

export const rowKit: RowKit = { cx, errorText, Interrupted, progressBar, statusBadge };
