// Installs the peers measured beside filedock into bench/node_modules, once (its own lockfile).
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
const here = new URL('.', import.meta.url).pathname;
if (!existsSync(`${here}node_modules/@uppy/core`)) {
  execSync('npm install --prefix bench --no-audit --no-fund --legacy-peer-deps', {
    cwd: `${here}..`,
    stdio: 'inherit',
  });
}
