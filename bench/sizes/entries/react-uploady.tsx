// @ts-nocheck: a peer measured for size only; its types live in bench/node_modules, installed on demand.
import Uploady, { useItemProgressListener } from '@rpldy/uploady';
function Progress() {
  const item = useItemProgressListener();
  return <span>{item?.completed}</span>;
}
export function App() {
  return (
    <Uploady destination={{ url: '/api/upload' }}>
      <Progress />
    </Uploady>
  );
}
