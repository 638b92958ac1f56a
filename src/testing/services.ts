/**
 * What each emulated service can do and how its files look, so stories and tests see the states
 * a real client of that service produces (no size or dates from LlamaCloud, no statuses but
 * COMPLETED from direct services).
 */
import type { BackendCapabilities, RemoteFile } from '../core/backend.js';
import { LLAMACLOUD_MAX_PAGE_SIZE } from '../core/llamacloud/constants.js';
import { llamaCloudPurposeRules } from '../core/llamacloud/rules.js';
import { MAX_LIST_LIMIT } from '../core/lightfield/constants.js';
import type { FileObject } from '../core/lightfield/schemas.js';
import { defaultPurposeRules, type PurposeRules } from '../core/rules/purposes.js';
import { XAI_MAX_PAGE_SIZE } from '../core/xai/constants.js';
import { xaiPurposeRules } from '../core/xai/rules.js';
import type { MemoryService } from './types.js';

export interface ServiceProfile {
  capabilities: BackendCapabilities;
  rules: Readonly<PurposeRules>;
  /** The stored record as this service's client would report it. */
  view(file: FileObject): RemoteFile;
}

const direct = { checksum: 'none', cancel: false, delete: true, paging: 'cursor' } as const;

export function profileOf(service: MemoryService, md5: boolean): ServiceProfile {
  switch (service) {
    case 'lightfield':
      return {
        capabilities: {
          checksum: md5 ? 'md5' : 'none',
          cancel: true,
          delete: false,
          download: 'url',
          paging: 'offset',
          maxPageSize: MAX_LIST_LIMIT,
        },
        rules: defaultPurposeRules,
        view: (file) => ({ ...file }),
      };
    case 'llamacloud':
      return {
        capabilities: { ...direct, download: 'url', maxPageSize: LLAMACLOUD_MAX_PAGE_SIZE },
        rules: llamaCloudPurposeRules,
        view: ({ id, filename, expiresAt }) => ({
          id,
          filename,
          status: 'COMPLETED',
          ...(expiresAt ? { expiresAt } : {}),
        }),
      };
    case 'xai':
      return {
        capabilities: { ...direct, download: 'bytes', maxPageSize: XAI_MAX_PAGE_SIZE },
        rules: xaiPurposeRules,
        view: ({ id, filename, sizeBytes, mimeType, createdAt }) => ({
          id,
          filename,
          status: 'COMPLETED',
          sizeBytes,
          mimeType,
          createdAt,
        }),
      };
  }
}
