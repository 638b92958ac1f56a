/**
 * What the LlamaCloud server keeps about a file, and its wire view. Like the real service the
 * answers carry no size and no creation time (those stay internal: the list sorts by creation).
 */
import type { LlamaCloudPurpose } from '../../core/llamacloud/constants.js';

export interface LlamaCloudFile {
  id: string;
  seq: number;
  name: string;
  projectId: string;
  purpose: LlamaCloudPurpose;
  externalFileId: string | null;
  /** Internal: the part's Content-Type, served back on download. */
  mimeType: string;
  /** Internal: never answered. */
  sizeBytes: number;
  md5: string;
  createdAt: string;
  lastModifiedAt: string;
}

export interface LlamaCloudFileWire {
  id: string;
  name: string;
  project_id: string;
  file_type?: string;
  external_file_id?: string;
  purpose: string;
  last_modified_at: string;
}

/** `report.PDF` → `pdf`; no extension → undefined. */
export function fileType(name: string): string | undefined {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return undefined;
  return name.slice(dot + 1).toLowerCase();
}

export function toWire(file: LlamaCloudFile): LlamaCloudFileWire {
  const type = fileType(file.name);
  return {
    id: file.id,
    name: file.name,
    project_id: file.projectId,
    ...(type === undefined ? {} : { file_type: type }),
    ...(file.externalFileId === null ? {} : { external_file_id: file.externalFileId }),
    purpose: file.purpose,
    last_modified_at: file.lastModifiedAt,
  };
}
