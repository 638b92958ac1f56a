/**
 * Library build. `npm run build` = this, then `tsc -p tsconfig.build.json` for the declarations
 * (TypeScript 7 has no JS compiler API, so no dts plugin). The demo (`npm run dev`) has its own
 * script, demo/dev.ts, which starts the reference server and a Vite dev server on demo/.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, defineConfig, transformWithOxc, type Plugin } from 'vite';
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
  'src/core/upload/resume/index.ts': 'core/upload/resume/index.js',
};

function barrels(): Plugin {
  return {
    name: 'filedock:barrels',
    async writeBundle(options) {
      const out = options.dir ?? 'dist';
      for (const [source, target] of Object.entries(BARRELS)) {
        // No 'use client' on the `filedock` entry either: each React module carries its own (one
        // file per module), so a Server Component can import the components from here. A 'use
        // client' entry is a client boundary written with `export *`, which Next.js (webpack)
        // refuses; naming its exports instead put the network side in esbuild's entry chunk
        // (both seen in test/matrix).
        const { code } = await transformWithOxc(readFileSync(source, 'utf8'), source, {
          lang: 'ts',
        });
        writeFileSync(`${out}/${target}`, code);
      }
      writeFileSync(`${out}/core.js`, "export * from './core/index.js';\n");
      // A barrel re-exporting one that is not listed above points at a file the bundler never
      // wrote (pure re-export modules are folded away): every app would fail to resolve it.
      for (const target of Object.values(BARRELS)) {
        const code = readFileSync(`${out}/${target}`, 'utf8');
        for (const [, spec = ''] of code.matchAll(/from\s*["'](\.[^"']+)["']/g)) {
          const file = new URL(spec, pathToFileURL(resolve(out, target))).pathname;
          if (!existsSync(file))
            this.error(`dist/${target} imports ${spec}, which the build did not write`);
        }
      }
    },
  };
}

/**
 * The MD5 Worker as one self-contained classic script in a string module, for the inline fallback
 * of `computeMd5` where an app's bundler emits no worker file (esbuild, Rollup). Bundled from
 * md5.worker.ts at the start of every build; src/core/checksum/md5-worker-inline.ts is rewritten
 * when it changed (commit it), so the tests and the dev server, which run from src, use the same
 * code as dist.
 */
function inlineMd5Worker(): Plugin {
  const target = 'src/core/checksum/md5-worker-inline.ts';
  return {
    name: 'filedock:md5-worker-inline',
    async buildStart() {
      const result = await build({
        configFile: false,
        logLevel: 'silent',
        publicDir: false,
        build: {
          write: false,
          minify: true,
          target: 'es2022',
          emptyOutDir: false,
          copyPublicDir: false,
          lib: {
            entry: 'src/core/checksum/md5.worker.ts',
            formats: ['iife'],
            name: 'filedockMd5Worker',
          },
        },
      });
      const output = (Array.isArray(result) ? result[0] : result) as {
        output: { code?: string }[];
      };
      const code = output.output[0]?.code?.trim() ?? '';
      // A template literal: formatters leave its text alone, so the file stays byte-stable.
      const literal = code.replace(/[\\`]|\$\{/g, (m) => `\\${m}`);
      const text = `// Generated by vite.config.ts (filedock:md5-worker-inline) from md5.worker.ts: do not edit.
/** md5.worker.ts bundled with hash-wasm's MD5 into one classic script, started from a Blob URL. */
export const MD5_WORKER_SOURCE = \`${literal}\`;
`;
      let current = '';
      try {
        current = readFileSync(target, 'utf8');
      } catch {}
      if (current !== text) {
        writeFileSync(target, text);
        this.warn(`${target} was out of date and has been regenerated: commit it.`);
      }
    },
  };
}

/**
 * The MD5 Worker as `core/checksum/md5.worker.js`, next to the module that starts it, referenced
 * as `new Worker(new URL('./md5.worker.js', import.meta.url), { type: 'module' })`: the one form
 * webpack, Rspack, Parcel and Turbopack recognise as a Worker. Vite writes it to assets/ behind a
 * nested `new URL(new URL(…).href, …)`, which Turbopack resolved to a 404 (test/matrix).
 */
function workerNextToModule(): Plugin {
  return {
    name: 'filedock:worker-next-to-module',
    generateBundle(_options, bundle) {
      const worker = Object.keys(bundle).find((f) => /^assets\/md5\.worker-[\w-]+\.js$/.test(f));
      const md5 = bundle['core/checksum/md5.js'];
      if (!worker || md5?.type !== 'chunk')
        this.error('md5.worker asset or md5.js chunk not found');
      const asset = bundle[worker];
      if (!asset) return this.error(`${worker} vanished`);
      const name = worker.slice('assets/'.length);
      const nested = new RegExp(
        String.raw`new URL\(\s*(?:/\*[^*]*\*/\s*)?new URL\("\.\./\.\./assets/${name.replaceAll('.', '\\.')}", import\.meta\.url\)\.href,\s*"" \+ import\.meta\.url\s*\)`,
      );
      if (!nested.test(md5.code)) this.error(`md5.js does not reference ${worker} as expected`);
      md5.code = md5.code.replace(nested, 'new URL("./md5.worker.js", import.meta.url)');
      const source = asset.type === 'asset' ? asset.source : asset.code;
      delete bundle[worker];
      delete bundle[`${worker}.map`];
      this.emitFile({
        type: 'asset',
        fileName: 'core/checksum/md5.worker.js',
        source: String(source).replace(/\n\/\/# sourceMappingURL=.*$/, '\n'),
      });
    },
  };
}

/** `filedock/locales/<tag>`: one entry per translation, so an app pays only for the one it imports. */
const LOCALES = [
  'ar',
  'de',
  'es',
  'fr',
  'he',
  'it',
  'ja',
  'ko',
  'nl',
  'pl',
  'pt-BR',
  'ru',
  'zh-CN',
];

const entries: Record<string, string> = {
  ...Object.fromEntries(LOCALES.map((tag) => [`locales/${tag}`, `src/locales/${tag}.ts`])),
  index: 'src/index.ts',
  core: 'src/core/index.ts',
  server: 'src/server/index.ts',
  proxy: 'src/proxy/index.ts',
  'proxy-node': 'src/proxy/node/index.ts',
  cli: 'src/cli.ts',
  testing: 'src/testing/index.ts',
};

export default defineConfig({
  publicDir: false,
  // Relative asset URLs: the MD5 worker must resolve next to the chunk that spawns it, wherever
  // the app's bundler or CDN puts it.
  base: './',
  plugins: [inlineMd5Worker(), workerNextToModule(), copyTheme(), barrels()],
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
