/**
 * The second half of the CLI build: after tsc has type-checked and written the declarations,
 * esbuild bundles the binary and the library entry, each into one file with every dependency
 * inlined (the core, the rule-set schema, chevrotain, zod, commander, picocolors, tinyglobby).
 * One file loads faster than hundreds of modules, and the packed CLI needs no workspace
 * packages and no registry to install.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: ['src/kpic.ts', 'src/index.ts'],
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
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
