/**
 * Builds the VS Code extension into files that need nothing installed beside them, because
 * vsce does not follow pnpm's links and the .vsix carries no node_modules:
 *
 * - `dist/extension.js`: the client (CommonJS, as VS Code loads extensions), with
 *   vscode-languageclient inlined; `vscode` is the host's own module.
 * - `dist/server.mjs`: the language server of packages/language-server, with the core,
 *   vscode-languageserver and every other dependency inlined.
 * - `dist/kpic/bin/kpic.mjs` and its chunks: the `kpic` command of packages/cli with
 *   @kpilang/render inlined, which the extension runs for "Build framework" and the preview.
 * - `dist/templates/`: render's built-in HTML templates, where the bundled renderer looks for
 *   them (see `placeTemplates`).
 * - `syntaxes/kpi.tmLanguage.json`: the TextMate grammar, copied from the repository's
 *   grammar folder.
 *
 * The workspace's own packages are bundled from their TypeScript sources, as the tests run
 * them, so that packaging needs `pnpm install` and nothing built before it.
 */
import { build } from 'esbuild';
import { cp, mkdir, rm, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));

const GRAMMAR = at('../../grammar/kpi.tmLanguage.json');
const TEMPLATES = at('../render/templates/');

// Bundled CommonJS modules (commander, vscode-languageserver) call require() for Node's
// built-ins; inside an ES module that needs a require of our own.
const ESM_REQUIRE_BANNER =
  "import { createRequire as __kpilangCreateRequire } from 'node:module';\n" +
  'const require = __kpilangCreateRequire(import.meta.url);';

/** The entry source of each workspace package the bundles import. */
const WORKSPACE_SOURCES = {
  '@kpilang/core': '../core/src/index.ts',
  '@kpilang/core/emit': '../core/src/emit-entry.ts',
  '@kpilang/render': '../render/src/index.ts',
  '@kpilang/rule-set': '../rule-set/src/index.ts',
  '@kpilang/runtime': '../runtime/src/index.ts',
};

/** Workspace packages a bundle leaves out (see the kpic bundle below). */
const WORKSPACE_EXTERNAL = new Set(['@kpilang/language-server']);

/** Resolves the workspace packages to their sources instead of their built `dist/`. */
const fromSources = {
  name: 'kpilang-workspace-sources',
  setup(build) {
    build.onResolve({ filter: /^@kpilang\// }, (args) => {
      const source = WORKSPACE_SOURCES[args.path];
      if (source !== undefined) return { path: at(source) };
      if (WORKSPACE_EXTERNAL.has(args.path)) return { path: args.path, external: true };
      // Never fall back to a package's dist/: on a fresh clone it may not be built yet, since
      // the extension does not depend on every package the bundled CLI imports.
      return {
        errors: [{ text: `${args.path} is not in WORKSPACE_SOURCES of scripts/build.mjs` }],
      };
    });
  },
};

/** Settings every bundle shares: Node 20 (VS Code 1.91 runs extensions on it), minified. */
const common = {
  absWorkingDir: root,
  plugins: [fromSources],
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
};

await requireFile(GRAMMAR, 'the TextMate grammar');
// Chunk names carry a hash: clear what an earlier build wrote, and only that (tsc writes the
// type declarations of the sources to dist/types/ when the workspace is type-checked).
for (const path of [
  'dist/extension.js',
  'dist/server.mjs',
  'dist/kpic',
  'dist/templates',
  'syntaxes',
]) {
  await rm(at(path), { recursive: true, force: true });
}
await rm(at('dist/server.mjs.LEGAL.txt'), { force: true });

await Promise.all([
  build({
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    format: 'cjs',
    external: ['vscode'],
  }),
  build({
    ...common,
    entryPoints: ['../language-server/src/bin.ts'],
    outfile: 'dist/server.mjs',
    format: 'esm',
    banner: { js: ESM_REQUIRE_BANNER },
  }),
  build({
    ...common,
    entryPoints: { kpic: '../cli/src/kpic.ts' },
    outdir: 'dist/kpic/bin',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    // The CLI loads `build` and the renderer on demand, and the renderer its PDF engines:
    // with splitting those stay in chunks that load only when called. The extension asks
    // for HTML alone, so the PDF engines' libraries (which read font and data files from
    // their own packages) are left out rather than bundled without their files, and so is
    // the language server of `kpic lsp`, which the extension runs from dist/server.mjs.
    splitting: true,
    external: [
      'pdfkit',
      'fontkit',
      'playwright-core',
      '@expo-google-fonts/noto-sans',
      'dejavu-fonts-ttf',
    ],
    banner: { js: ESM_REQUIRE_BANNER },
  }),
]);

await placeTemplates();
await mkdir(at('syntaxes'), { recursive: true });
await cp(GRAMMAR, at('syntaxes/kpi.tmLanguage.json'));

/**
 * Copies render's templates next to the bundled CLI. The renderer finds them at
 * `../../templates/` from its own module (packages/render/src/html/template-folder.ts); in
 * the bundle its module is a file of `dist/kpic/bin/`, so that is `dist/templates/`.
 */
async function placeTemplates() {
  const bundled = new URL('../dist/kpic/bin/kpic.mjs', import.meta.url);
  const target = fileURLToPath(new URL('../../templates/', bundled));
  await cp(TEMPLATES, target, { recursive: true });
}

/** Stops the build with one line when an input another package makes is missing. */
async function requireFile(path, what) {
  const found = await stat(path).catch(() => undefined);
  if (found?.isFile()) return;
  console.error(`build: ${what} is missing: ${path}`);
  process.exit(1);
}
