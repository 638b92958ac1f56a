// A Server Component: it renders filedock's client components directly, which only builds if
// filedock's React modules carry 'use client'.
import { FileList, FileUploader } from 'filedock';
import { Providers } from './providers.jsx';

export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <main>
      <h1>Knowledge</h1>
      <Providers>
        <FileUploader purpose="knowledge_workspace" />
        <FileList />
      </Providers>
    </main>
  );
}
