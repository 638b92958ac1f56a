/**
 * Library build. `npm run build` = this, then `tsc -p tsconfig.build.json` for the declarations
 * (TypeScript 7 has no JS compiler API, so no dts plugin). The demo (`npm run dev`) has its own
 * script, demo/dev.ts, which starts the reference server and a Vite dev server on demo/.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { defineConfig, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };

const bare = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
];
const external = (id: string): boolean =>
  id.startsWith('node:') ||
  builtinModules.includes(id) ||
  bare.some((name) => id === name || id.startsWith(`${name}/`));

/** The theme is plain CSS that no module imports: ship it as dist/styles.css. */
function copyTheme(): Plugin {
  return {
    name: 'filedock:theme',
    generateBundle() {
      let source = '';
      try {
        source = readFileSync(new URL('./src/components/styles.css', import.meta.url), 'utf8');
      } catch {
        source = '/* filedock theme */\n';
      }
      this.emitFile({ type: 'asset', fileName: 'styles.css', source });
    },
  };
}

const entries: Record<string, string> = {
  index: 'src/index.ts',
  core: 'src/core/index.ts',
  server: 'src/server/index.ts',
  cli: 'src/cli.ts',
  testing: 'src/testing/index.ts',
};

export default defineConfig({
  publicDir: false,
  // Relative asset URLs: the MD5 worker must resolve next to the chunk that spawns it, wherever
  // the app's bundler or CDN puts it.
  base: './',
  plugins: [copyTheme()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    copyPublicDir: false,
    minify: false,
    sourcemap: true,
    lib: {
      entry: entries,
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      external,
      // Per-module 'use client' cannot survive bundling; the banner below restores it per entry.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        // React Server Components: the React entries must stay client modules after bundling.
        banner: (chunk) =>
          chunk.isEntry && (chunk.name === 'index' || chunk.name === 'testing') ? "'use client';" : '',
      },
    },
  },
});
