/**
 * The second half of the CLI build: after tsc has type-checked and written the declarations,
 * esbuild bundles the binary and the library entry, each into one file with the compiler's
 * dependencies inlined (the core, the rule-set schema, chevrotain, zod, commander, picocolors,
 * tinyglobby). One file loads faster than hundreds of modules, and checking and building a
 * rule set need nothing installed beside it.
 *
 * @kpilang/render is the one exception: it stays an ordinary dependency, imported at run time
 * by `build --html` and `--pdf` only. It reads its templates and fonts from files next to its
 * own module, and pdfkit and playwright-core load data files the same way, so inlined into
 * this bundle they would look for those files in the wrong folder.
 */
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// Chunk names carry a hash: clear the old ones so the package ships only what is current.
await rm(new URL('../dist/chunks', import.meta.url), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: ['src/kpic.ts', 'src/index.ts'],
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  // Commands load on demand (`build` and `schema` need zod, `check` does not), so each lands
  // in a chunk of its own and `kpic check` never parses or runs the schema code.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  external: ['@kpilang/render'],
  // `kpic lsp` bundles the server from its sources, so that it shares the compiler's core
  // and chevrotain instead of carrying the server bundle's own copies.
  alias: { '@kpilang/language-server': '../language-server/src/index.ts' },
  minify: true,
  target: 'node20',
  // Bundled CommonJS modules (commander, picocolors) call require() for Node's built-ins;
  // in an ES module that needs a require of our own.
  banner: {
    js:
      "import { createRequire as __kpicCreateRequire } from 'node:module';\n" +
      'const require = __kpicCreateRequire(import.meta.url);',
  },
  legalComments: 'linked',
  logLevel: 'warning',
});
