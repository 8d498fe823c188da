/**
 * The second half of the server's build: after tsc has type-checked and written the
 * declarations, esbuild bundles the binary into the one file `dist/bin.js` with every
 * dependency inlined (the core, chevrotain, vscode-languageserver, commander, tinyglobby), so
 * that it starts fast and an editor needs nothing installed beside it.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'esm',
  minify: true,
  target: 'node20',
  // vscode-languageserver and commander are CommonJS and require() Node's built-ins; in an
  // ES module that needs a require of our own.
  banner: {
    js:
      "import { createRequire as __kpilsCreateRequire } from 'node:module';\n" +
      'const require = __kpilsCreateRequire(import.meta.url);',
  },
  legalComments: 'linked',
  logLevel: 'warning',
};

// The binary is one file, so an editor can be pointed at it, or it can be copied, alone.
await build({ ...common, entryPoints: ['src/bin.ts'], outfile: 'dist/bin.js' });
await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' });
