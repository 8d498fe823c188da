/**
 * The README's first command ends here: it runs kpic on the bundled CEMA example twice.
 * First on the paper's tables as published, to show the defects kpic finds; then on the
 * corrected framework, to build its JSON rule set with its scorecards as HTML pages and PDFs
 * (the default PDF engine, so no browser is needed). Exits non-zero only if kpic itself
 * failed (a usage or file error) or the corrected framework did not build.
 */
import { spawnSync } from 'node:child_process';

const kpic = ['packages/cli/dist/kpic.js'];

function run(title, args) {
  console.log(`\n=== ${title}\n$ kpic ${args.join(' ')}\n`);
  const result = spawnSync(process.execPath, [...kpic, ...args], { stdio: 'inherit' });
  return result.status ?? 1;
}

const checkStatus = run("The paper's KPI tables, as published", [
  'check',
  'examples/cema/as-published',
]);
const buildStatus = run('The corrected framework, compiled and printed', [
  'build',
  'examples/cema/framework',
  '--html',
  '--pdf',
  '--out',
  'out',
]);

if (checkStatus === 2 || buildStatus !== 0) process.exit(1);
console.log(`
The rule set is in out/. The scorecards (one per position and context), the group catalogue
and the framework overview are in:
  out/html/index.html   the HTML pages; open it in a browser
  out/pdf/all.pdf       every document, ready to print (one PDF per document beside it)
Run \`pnpm test\` to run the test suite.`);
