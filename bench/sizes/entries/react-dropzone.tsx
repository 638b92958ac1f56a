// @ts-nocheck: a peer measured for size only; its types live in bench/node_modules, installed on demand.
import { useDropzone } from 'react-dropzone';
export function App() {
  const { getRootProps, getInputProps } = useDropzone();
  return (
    <div {...getRootProps()}>
      <input {...getInputProps()} />
    </div>
  );
}
