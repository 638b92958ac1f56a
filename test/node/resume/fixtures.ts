import type { RemoteFile } from '../../../src/core/backend.js';
import type { JournalEntry } from '../../../src/core/upload/resume/entry.js';

export const NOW = Date.parse('2026-12-01T12:00:00.000Z');
export const iso = (ms: number): string => new Date(ms).toISOString();

export function entry(overrides: Partial<JournalEntry> = {}): JournalEntry {
  return {
    v: 1,
    key: 'local-1',
    scope: 'lightfield:http://127.0.0.1:4010:knowledge_workspace',
    file: {
      name: 'report.pdf',
      size: 2048,
      type: 'application/pdf',
      lastModified: NOW - 86_400_000,
    },
    step: 'put',
    session: {
      id: 'fil_1',
      uploadUrl: 'http://127.0.0.1:4010/storage/fil_1?sig=secret',
      uploadHeaders: { 'content-type': 'application/pdf' },
      expiresAt: iso(NOW + 3_600_000),
    },
    bytes: 'stored',
    createdAt: NOW - 60_000,
    updatedAt: NOW - 30_000,
    expiresAt: NOW + 86_400_000,
    ...overrides,
  };
}

export function remote(overrides: Partial<RemoteFile> = {}): RemoteFile {
  return {
    id: 'fil_1',
    filename: 'report.pdf',
    status: 'PENDING',
    sizeBytes: 2048,
    mimeType: 'application/pdf',
    createdAt: iso(NOW - 60_000),
    completedAt: null,
    expiresAt: iso(NOW + 3_600_000),
    ...overrides,
  };
}
