/**
 * The scorecard preview: one webview panel showing the HTML documents of the last build, from
 * their index page. Links between the documents are followed inside the panel; only pages of
 * the built folder are ever shown, and the panel reloads its page after every build.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import * as vscode from 'vscode';
import { readPreviewMessage, toPreviewHtml } from './preview-html.js';

export class ScorecardPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The folder of the HTML documents shown, and the page shown in it. */
  private folder = '';
  private page = '';

  /** Shows `index` (a built `index.html`) in the panel, opening the panel if needed. */
  async show(index: string): Promise<void> {
    this.folder = dirname(index);
    this.page = index;
    const panel = this.panel ?? this.createPanel();
    panel.webview.options = {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.file(this.folder)],
    };
    panel.reveal(undefined, true);
    await this.render();
  }

  /** Reloads the page shown, when the panel is open: after a build of the same folder. */
  async refresh(index: string): Promise<void> {
    if (this.panel === undefined || dirname(index) !== this.folder) return;
    await this.render();
  }

  dispose(): void {
    this.panel?.dispose();
  }

  private createPanel(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(
      'kpilang.scorecardPreview',
      'Scorecard preview',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, enableFindWidget: true },
    );
    panel.onDidDispose(() => (this.panel = undefined));
    panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message));
    this.panel = panel;
    return panel;
  }

  private async receive(raw: unknown): Promise<void> {
    const message = readPreviewMessage(raw);
    if (message === undefined) return;
    if (message.type === 'browser') {
      await vscode.env.openExternal(vscode.Uri.file(this.page));
      return;
    }
    if (message.type === 'index') {
      this.page = resolve(this.folder, 'index.html');
      await this.render();
      return;
    }
    if (/^https?:/i.test(message.href)) {
      await vscode.env.openExternal(vscode.Uri.parse(message.href));
      return;
    }
    const target = this.pageOf(message.href);
    if (target === undefined) {
      void vscode.window.showWarningMessage(`kpilang: the preview does not open ${message.href}.`);
      return;
    }
    this.page = target;
    await this.render();
  }

  /** The page a link leads to, when it is an HTML page of the built folder. */
  private pageOf(href: string): string | undefined {
    let path: string;
    try {
      path = decodeURI(href.replace(/[#?].*$/, ''));
    } catch {
      return undefined;
    }
    const target = resolve(dirname(this.page), path);
    const inside = relative(this.folder, target);
    if (inside.split(sep)[0] === '..' || isAbsolute(inside)) return undefined;
    return target.endsWith('.html') ? target : undefined;
  }

  private async render(): Promise<void> {
    const panel = this.panel;
    if (panel === undefined) return;
    const html = await readFile(this.page, 'utf8').catch(() => undefined);
    if (html === undefined) {
      // A build may remove the page shown (a scorecard of a position no longer there): the
      // index is always written.
      const index = resolve(this.folder, 'index.html');
      if (this.page !== index) {
        this.page = index;
        return this.render();
      }
      void vscode.window.showErrorMessage(
        `kpilang: cannot read ${index}. Build the framework again.`,
      );
      return;
    }
    panel.title = `Scorecards: ${basename(this.page, '.html')}`;
    panel.webview.html = toPreviewHtml(html, {
      cspSource: panel.webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      isIndex: basename(this.page) === 'index.html',
    });
  }
}
