import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (name: string, entry = 'index') =>
  fileURLToPath(new URL(`./packages/${name}/src/${entry}.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    // Unit tests run against the TypeScript sources; end-to-end tests spawn the built CLI.
    alias: [
      { find: /^@kpilang\/rule-set$/, replacement: src('rule-set') },
      { find: /^@kpilang\/core$/, replacement: src('core') },
      { find: /^@kpilang\/core\/emit$/, replacement: src('core', 'emit-entry') },
      { find: /^@kpilang\/render$/, replacement: src('render') },
      { find: /^@kpilang\/runtime$/, replacement: src('runtime') },
      { find: /^@kpilang\/language-server$/, replacement: src('language-server') },
    ],
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
