/**
 * The README's first command ends here: it runs kpic on the bundled CEMA example three times.
 * First on the paper's tables as published, to show the defects kpic finds; then on the
 * corrected framework, to build its JSON rule set with its scorecards as HTML pages and PDFs
 * (the default PDF engine, so no browser is needed); last, it scores a synthetic quarter of
 * the paper's pilot against that rule set. Exits non-zero only if kpic itself failed (a usage
 * or file error), the corrected framework did not build, or a row of the example data was
 * rejected.
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

// kpic prints one summary line: how many officials were scored and rated, and rows used.
const scoreStatus = run("A quarter of the paper's pilot, scored", [
  'score',
  '--rules',
  'out/cema.rules.json',
  '--data',
  'examples/cema/data/2024-Q3.csv',
  '--period',
  '2024-Q3',
  '--out',
  'out/scores',
]);
if (scoreStatus !== 0) process.exit(1);

console.log(`
The rule set is in out/. The scorecards (one per position and context), the group catalogue
and the framework overview are in:
  out/html/index.html      the HTML pages; open it in a browser
  out/pdf/all.pdf          every document, ready to print (one PDF per document beside it)
The scores of the ten officials for 2024-Q3 are in:
  out/scores/scores.json   every value with the rows and band it came from
  out/scores/scores.csv    one line per official and indicator
Run \`pnpm test\` to run the test suite.`);
