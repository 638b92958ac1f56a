import { render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { Purpose } from '../../../src/core/lightfield/schemas.js';
import { FilesProvider, FileUploader } from '../../../src/index.js';
import { makeClient, resetServer, serverRequests } from './server.js';

beforeEach(() => resetServer());

/** An app whose purpose comes from a select: the uploader is never remounted. */
function PurposeSwitcher() {
  const [purpose, setPurpose] = useState<Purpose>('email_attachment');
  return (
    <>
      <label>
        Purpose
        <select value={purpose} onChange={(event) => setPurpose(event.target.value as Purpose)}>
          <option value="email_attachment">email_attachment</option>
          <option value="knowledge_user">knowledge_user</option>
        </select>
      </label>
      <FileUploader purpose={purpose} />
    </>
  );
}

const itemOf = (name: string) =>
  [...document.querySelectorAll('[data-filedock-upload]')].find(
    (li) => li.querySelector('.filedock-item-name')?.textContent === name,
  );
const pick = (files: File[]) =>
  userEvent.upload(screen.getByLabelText<HTMLInputElement>('Choose files to upload'), files);
const zip = (name: string) =>
  new File(['PK\u0003\u0004 zip bytes'], name, { type: 'application/zip' });

describe('FileUploader takes a new purpose without a remount', () => {
  it('refuses a file the new purpose refuses, while the old purpose had accepted the same type', async () => {
    render(
      <FilesProvider client={makeClient()}>
        <PurposeSwitcher />
      </FilesProvider>,
    );
    await pick([zip('first.zip')]);
    await waitFor(() => expect(itemOf('first.zip')?.getAttribute('data-phase')).toBe('completed'));

    await userEvent.selectOptions(screen.getByLabelText('Purpose'), 'knowledge_user');
    await pick([zip('second.zip')]);
    await waitFor(() =>
      expect(itemOf('second.zip')?.getAttribute('data-error-code')).toBe('file-invalid-type'),
    );
    expect(itemOf('first.zip')?.getAttribute('data-phase')).toBe('completed');
    const creates = (await serverRequests()).filter(
      (r) => r.route === 'create' && r.method === 'POST',
    );
    expect(creates).toHaveLength(1);
  });
});
