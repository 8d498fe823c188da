/**
 * The README's first command ends here: it runs kpic on the two bundled examples. For CEMA,
 * first on the paper's tables as published, to show the defects kpic finds; then on the
 * corrected framework, to build its JSON rule set with its scorecards as HTML pages and PDFs
 * (the default PDF engine, so no browser is needed); then it scores a synthetic quarter of the
 * paper's pilot against that rule set. For Decree 335/2025, it checks and builds the framework
 * and scores a synthetic year of a department against it. Exits non-zero only if kpic itself
 * failed (a usage or file error), a framework other than the paper's tables as published did
 * not check or build, or a row of the example data was rejected.
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

// The decree's rule set goes into out/ beside CEMA's. It is built without documents: a build
// with --html would replace CEMA's index page and remove its scorecards, since the decree has
// other positions.
const decreeCheckStatus = run('Decree 335/2025 as a framework, checked', [
  'check',
  'examples/vn-decree-335/framework',
]);
const decreeBuildStatus = run('Decree 335/2025, compiled', [
  'build',
  'examples/vn-decree-335/framework',
  '--out',
  'out',
]);
if (decreeCheckStatus !== 0 || decreeBuildStatus !== 0) process.exit(1);

const decreeScoreStatus = run('A year of a department under the decree, scored', [
  'score',
  '--rules',
  'out/vn_decree_335.rules.json',
  '--data',
  'examples/vn-decree-335/data/2026.csv',
  '--period',
  '2026',
  '--out',
  'out/decree-scores',
]);
if (decreeScoreStatus !== 0) process.exit(1);

console.log(`
The rule sets are in out/: cema.rules.json and vn_decree_335.rules.json. CEMA's scorecards
(one per position and context), its group catalogue and its framework overview are in:
  out/html/index.html             the HTML pages; open it in a browser
  out/pdf/all.pdf                 every document, ready to print (one PDF per document beside it)
The scores of CEMA's ten officials for 2024-Q3 are in:
  out/scores/scores.json          every value with the rows and band it came from
  out/scores/scores.csv           one line per official and indicator
The scores of the 30 civil servants for 2026 under Decree 335/2025 are in:
  out/decree-scores/scores.json   each total with its parts, and every rating a condition or
                                  the quota changed, with the reason
  out/decree-scores/scores.csv    one line per civil servant and indicator
docs/examples.md walks through both examples. Run \`pnpm test\` to run the test suite.`);
