// @ts-nocheck: a peer measured for size only; its types live in bench/node_modules, installed on demand.
import { generateUploadDropzone } from '@uploadthing/react';
import '@uploadthing/react/styles.css';
const UploadDropzone = generateUploadDropzone({ url: '/api/uploadthing' });
export function App() {
  return <UploadDropzone endpoint={'files' as never} />;
}
