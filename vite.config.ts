/**
 * Library build. `npm run build` = this, then `tsc -p tsconfig.build.json` for the declarations
 * (TypeScript 7 has no JS compiler API, so no dts plugin). The demo (`npm run dev`) has its own
 * script, demo/dev.ts, which starts the reference server and a Vite dev server on demo/.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { defineConfig, transformWithOxc, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };

const bare = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
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

/**
 * The barrel modules (src/index.ts, src/core/index.ts, …) written to dist as plain `export * from`
 * files, replacing the flattened re-exports the bundler writes for them. With a flattened barrel,
 * esbuild (and so an app built with it) counted every module the barrel names as statically
 * imported and put axios, zod and the upload pipeline in the app's initial chunk although filedock
 * only reaches them through `import()`; with `export *` it keeps them lazy (bench P7).
 */
const BARRELS: Record<string, string> = {
  'src/index.ts': 'index.js',
  'src/core/index.ts': 'core/index.js',
  'src/react/index.ts': 'react/index.js',
  'src/components/index.ts': 'components/index.js',
  'src/core/checksum/index.ts': 'core/checksum/index.js',
};

function barrels(): Plugin {
  return {
    name: 'filedock:barrels',
    async writeBundle(options) {
      const out = options.dir ?? 'dist';
      for (const [source, target] of Object.entries(BARRELS)) {
        const { code } = await transformWithOxc(readFileSync(source, 'utf8'), source, {
          lang: 'ts',
        });
        // The `filedock` entry re-exports the React modules: it stays a client module (RSC).
        writeFileSync(`${out}/${target}`, (target === 'index.js' ? "'use client';\n" : '') + code);
      }
      writeFileSync(`${out}/core.js`, "export * from './core/index.js';\n");
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
  plugins: [copyTheme(), barrels()],
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
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
      output: {
        // One file per source module, as in src: an app's bundler then sees filedock's own module
        // graph, drops what the app does not import (package.json `sideEffects`), and keeps the
        // network side (axios, zod, the pipeline) behind its `import()`s in chunks of its own.
        // A bundled dist merged them into chunks the entry imported statically (bench P7).
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
        // React Server Components: each React module keeps its own 'use client' (one file per
        // module); the entries that re-export them are marked too.
        banner: (chunk) =>
          chunk.isEntry && (chunk.name === 'index' || chunk.name === 'testing')
            ? "'use client';"
            : '',
      },
    },
  },
});
