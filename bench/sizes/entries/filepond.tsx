// @ts-nocheck: a peer measured for size only; its types live in bench/node_modules, installed on demand.
import { FilePond } from 'react-filepond';
import 'filepond/dist/filepond.min.css';
export function App() {
  return <FilePond server="/api" allowMultiple />;
}
