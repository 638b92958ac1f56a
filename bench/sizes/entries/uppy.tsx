// @ts-nocheck: a peer measured for size only; its types live in bench/node_modules, installed on demand.
import Uppy from '@uppy/core';
import AwsS3 from '@uppy/aws-s3';
import Dashboard from '@uppy/react/dashboard';
import '@uppy/core/css/style.min.css';
import '@uppy/dashboard/css/style.min.css';
export function App() {
  const uppy = new Uppy().use(AwsS3, { endpoint: '/api' });
  return <Dashboard uppy={uppy} />;
}
