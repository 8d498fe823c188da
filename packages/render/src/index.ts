/**
 * @kpilang/render: the printed forms of a compiled rule set. Position scorecards, the group
 * catalogue and the framework overview, as HTML pages (handlebars templates), as PDF drawn by
 * a pure-JS engine, or as PDF printed from the HTML by a local Chromium-family browser. It
 * reads the JSON rule set only, never the kpilang sources or their syntax tree.
 */
export * from './lang.js';
export * from './format.js';
export * from './documents.js';
export * from './changes.js';
export * from './output.js';
export * from './errors.js';
export * from './metadata.js';
export * from './template-lint.js';
export * from './html/render-html.js';
export * from './browser/find-browser.js';
export * from './browser/print-pdf.js';
export * from './pdf/render-pdf.js';
