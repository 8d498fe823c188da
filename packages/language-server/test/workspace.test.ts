import { describe, expect, it } from 'vitest';
import { pathToUri, Workspace } from '../src/workspace.js';
import { HEADER, INDICATORS } from './helpers.js';

describe('the workspace', () => {
  it('groups files into frameworks as kpic check reads folders', () => {
    const workspace = new Workspace();
    workspace.setDiskFile('/ws/a/framework.kpi', HEADER, []);
    workspace.setDiskFile('/ws/a/parts/indicators.kpi', INDICATORS, []);
    workspace.setDiskFile('/ws/b/framework.kpi', HEADER, []);
    workspace.setDiskFile('/ws/loose/notes.kpi', 'goal g "G"\n', []);
    const units = workspace.units().map((unit) => [unit.root, unit.files.map((file) => file.path)]);
    expect(units).toEqual([
      ['/ws/a', ['/ws/a/framework.kpi', '/ws/a/parts/indicators.kpi']],
      ['/ws/b', ['/ws/b/framework.kpi']],
      ['/ws/loose', ['/ws/loose/notes.kpi']],
    ]);
    // Each framework is checked on its own: b's copy of the header is no duplicate of a's.
    expect(
      workspace.analysisOf('/ws/b/framework.kpi')?.diagnostics.map((d) => d.code),
    ).not.toContain('KPI011');
  });

  it('moves files when a header appears or goes', () => {
    const workspace = new Workspace();
    workspace.setDiskFile('/ws/a/framework.kpi', HEADER, []);
    workspace.setDiskFile('/ws/a/sub/indicators.kpi', INDICATORS, []);
    expect(workspace.rootOf('/ws/a/sub/indicators.kpi')).toBe('/ws/a');
    workspace.setOpenFile('/ws/a/sub/head.kpi', pathToUri('/ws/a/sub/head.kpi'), HEADER, 1);
    expect(workspace.rootOf('/ws/a/sub/indicators.kpi')).toBe('/ws/a/sub');
    workspace.setOpenFile('/ws/a/sub/head.kpi', pathToUri('/ws/a/sub/head.kpi'), '// none\n', 2);
    expect(workspace.rootOf('/ws/a/sub/indicators.kpi')).toBe('/ws/a');
  });

  it('keeps an analysis until a file of its framework changes, and reparses only that file', () => {
    const workspace = new Workspace();
    workspace.setOpenFile('/ws/framework.kpi', pathToUri('/ws/framework.kpi'), HEADER, 1);
    workspace.setOpenFile('/ws/parts.kpi', pathToUri('/ws/parts.kpi'), INDICATORS, 1);
    const first = workspace.analysisOf('/ws/parts.kpi');
    expect(workspace.analysisOf('/ws/framework.kpi')).toBe(first);
    const headerParse = workspace.get('/ws/framework.kpi')?.parsed;

    workspace.setOpenFile(
      '/ws/parts.kpi',
      pathToUri('/ws/parts.kpi'),
      INDICATORS.replace('60%', '61%'),
      2,
    );
    const second = workspace.analysisOf('/ws/parts.kpi');
    expect(second).not.toBe(first);
    expect(first && workspace.isCurrent(first)).toBe(false);
    expect(second && workspace.isCurrent(second)).toBe(true);
    expect(workspace.get('/ws/framework.kpi')?.parsed).toBe(headerParse);
    expect(second?.diagnostics.map((d) => d.code)).toContain('KPI201');
    expect(second?.versions.get('/ws/parts.kpi')).toBe(2);
  });

  it('groups a changed file without parsing it unless it may hold a header', () => {
    const workspace = new Workspace();
    workspace.setOpenFile('/ws/framework.kpi', pathToUri('/ws/framework.kpi'), HEADER, 1);
    workspace.setOpenFile('/ws/parts.kpi', pathToUri('/ws/parts.kpi'), INDICATORS, 1);
    workspace.analysisOf('/ws/parts.kpi');

    // What the server does on each keystroke: compare the header folders, find the framework.
    workspace.setOpenFile('/ws/parts.kpi', pathToUri('/ws/parts.kpi'), `${INDICATORS}k`, 2);
    expect(workspace.headerKey()).toBe('/ws');
    expect(workspace.rootOf('/ws/parts.kpi')).toBe('/ws');
    expect(workspace.get('/ws/parts.kpi')?.parsed).toBeUndefined();

    // A text with the keyword in it is parsed: the word alone makes no header.
    const mention = `// Not a framework header.\n${INDICATORS}`;
    workspace.setOpenFile('/ws/sub/parts.kpi', pathToUri('/ws/sub/parts.kpi'), mention, 1);
    expect(workspace.headerKey()).toBe('/ws');
    workspace.setOpenFile('/ws/sub/head.kpi', pathToUri('/ws/sub/head.kpi'), HEADER, 1);
    expect(workspace.headerKey()).toBe('/ws\n/ws/sub');
  });

  it('keeps the editor text of an open file over the disk text', () => {
    const workspace = new Workspace();
    workspace.setOpenFile('/ws/framework.kpi', pathToUri('/ws/framework.kpi'), HEADER, 3);
    expect(workspace.setDiskFile('/ws/framework.kpi', '// stale\n', [])).toBe(false);
    expect(workspace.removeDiskFile('/ws/framework.kpi')).toBe(false);
    expect(workspace.get('/ws/framework.kpi')?.text).toBe(HEADER);
    workspace.closeFile('/ws/framework.kpi');
    expect(workspace.removeDiskFile('/ws/framework.kpi')).toBe(true);
    expect(workspace.units()).toEqual([]);
  });

  it('checks alone a file the scan would skip, so it duplicates nothing', () => {
    const workspace = new Workspace((path) => path.includes('/.history/'));
    workspace.setDiskFile('/ws/a/framework.kpi', HEADER, []);
    workspace.setDiskFile('/ws/a/indicators.kpi', INDICATORS, []);
    const copy = '/ws/a/.history/indicators_2024.kpi';
    workspace.setOpenFile(copy, pathToUri(copy), `${HEADER}\n${INDICATORS}`, 1);
    expect(workspace.rootOf(copy)).toBe(copy);
    expect(workspace.unitOf('/ws/a/indicators.kpi')?.files.map((file) => file.path)).toEqual([
      '/ws/a/framework.kpi',
      '/ws/a/indicators.kpi',
    ]);
    const codes = workspace.analysisOf('/ws/a/indicators.kpi')?.diagnostics.map((d) => d.code);
    expect(codes).not.toContain('KPI103');
    expect(workspace.analysisOf(copy)?.diagnostics.map((d) => d.code)).not.toContain('KPI103');
  });
});
