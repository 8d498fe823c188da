/**
 * Turns an HTML document that `kpic build --html` wrote into the page the scorecard preview
 * shows in a webview: a strict Content Security Policy, a light page as on paper, a small bar
 * to go back to the index or open the page in a browser, and one script that hands link
 * clicks to the extension (a webview cannot follow links between local files itself).
 * Nothing else of the document changes.
 */

/** What the preview adds to a page. */
export interface PreviewOptions {
  /** The webview's own source for the policy (`webview.cspSource`). */
  cspSource: string;
  /** A fresh random value for this page: the only script allowed is the one carrying it. */
  nonce: string;
  /** Whether the page is the index, which needs no link back to itself. */
  isIndex: boolean;
}

/** A message the preview's script sends to the extension. */
export type PreviewMessage =
  { type: 'open'; href: string } | { type: 'index' } | { type: 'browser' };

/**
 * The page with the preview's additions. The policy allows the page's own inline styles,
 * images from data: URLs and the webview, and the one script with `nonce`; no request leaves
 * the page.
 */
export function toPreviewHtml(html: string, options: PreviewOptions): string {
  const policy = [
    "default-src 'none'",
    `style-src 'unsafe-inline' ${options.cspSource}`,
    `img-src data: ${options.cspSource}`,
    `font-src ${options.cspSource}`,
    `script-src 'nonce-${options.nonce}'`,
  ].join('; ');
  const head =
    `<meta http-equiv="Content-Security-Policy" content="${policy}">\n` +
    '<style>\n' +
    'html, body { background: #fff; color: #111; }\n' +
    '.kpilang-preview-bar { position: sticky; top: 0; z-index: 10; display: flex; gap: 1em;\n' +
    '  padding: 0.4em 0.8em; background: #f3f3f3; border-bottom: 1px solid #ccc;\n' +
    '  font: 13px sans-serif; }\n' +
    '.kpilang-preview-bar a { color: #0b57d0; cursor: pointer; }\n' +
    '@media print { .kpilang-preview-bar { display: none; } }\n' +
    '</style>\n';
  const bar =
    '<nav class="kpilang-preview-bar">' +
    (options.isIndex ? '' : '<a data-kpilang="index">Index</a>') +
    '<a data-kpilang="browser">Open in browser</a>' +
    '</nav>\n';
  const script =
    `<script nonce="${options.nonce}">\n` +
    'const vscode = acquireVsCodeApi();\n' +
    "document.addEventListener('click', (event) => {\n" +
    "  const link = event.target instanceof Element ? event.target.closest('a') : null;\n" +
    '  if (!link) return;\n' +
    '  const action = link.dataset.kpilang;\n' +
    "  const href = link.getAttribute('href');\n" +
    "  if (!action && (!href || href.startsWith('#'))) return;\n" +
    '  event.preventDefault();\n' +
    "  vscode.postMessage(action ? { type: action } : { type: 'open', href });\n" +
    '});\n' +
    '</script>\n';

  return insertAfter(
    insertBefore(insertAfter(html, /<head[^>]*>/i, head), /<\/body>/i, script),
    /<body[^>]*>/i,
    bar,
  );
}

/** Reads a message from the preview's script; anything else is undefined. */
export function readPreviewMessage(message: unknown): PreviewMessage | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, href } = message as { type?: unknown; href?: unknown };
  if (type === 'index' || type === 'browser') return { type };
  if (type === 'open' && typeof href === 'string') return { type, href };
  return undefined;
}

function insertAfter(html: string, tag: RegExp, text: string): string {
  const match = tag.exec(html);
  if (match === null) return text + html;
  const end = match.index + match[0].length;
  return `${html.slice(0, end)}\n${text}${html.slice(end)}`;
}

function insertBefore(html: string, tag: RegExp, text: string): string {
  const match = tag.exec(html);
  if (match === null) return html + text;
  return html.slice(0, match.index) + text + html.slice(match.index);
}
