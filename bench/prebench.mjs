// Installs the peers measured beside filedock into bench/node_modules (its own lockfile), when
// any of bench/package.json's packages is missing.
import { existsSync, readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
const here = new URL('.', import.meta.url).pathname;
const { devDependencies } = JSON.parse(readFileSync(`${here}package.json`, 'utf8'));
if (Object.keys(devDependencies).some((name) => !existsSync(`${here}node_modules/${name}`))) {
  execSync('npm install --prefix bench --no-audit --no-fund --legacy-peer-deps', {
    cwd: `${here}..`,
    stdio: 'inherit',
  });
}
