/**
 * Reads the ```kpi blocks of a Markdown page and compiles them, for the tests that keep the
 * examples of docs/ true to what kpic says. A block may be preceded by an HTML comment that
 * marks it (`<!-- fragment -->`, `<!-- no-prelude -->`); the marker is invisible on the page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSource, type Diagnostic, type SourceInput } from '@kpilang/core';
import { compileSources } from '@kpilang/core/emit';

/** The repository's root, where docs/ sits. */
export const ROOT = join(import.meta.dirname, '..', '..');

/** One ```kpi block of a page. */
export interface KpiBlock {
  /** The code between the fences, ending with a line feed. */
  text: string;
  /** The one-based line of the opening fence, to name the block in a test. */
  line: number;
  /** The word of an HTML comment on the line before the fence, if there is one. */
  marker?: string;
  /** Where the opening fence starts in the page (or in the part of it that was read). */
  offset: number;
}

/** The text of a page under docs/. */
export function readDoc(name: string): string {
  return readFileSync(join(ROOT, 'docs', name), 'utf8');
}

/** Every ```kpi block of `markdown`, in order. `firstLine` numbers lines of a part of a page. */
export function kpiBlocks(markdown: string, firstLine = 1): KpiBlock[] {
  const fences = /(?:<!--\s*([\w-]+)\s*-->\n)?```kpi\n([\s\S]*?)^```$/gm;

  return [...markdown.matchAll(fences)].map((match) => {
    const fence = match.index + match[0].indexOf('```kpi');
    const block: KpiBlock = {
      text: match[2] ?? '',
      line: firstLine + markdown.slice(0, fence).split('\n').length - 1,
      offset: fence,
    };
    if (match[1]) block.marker = match[1];
    return block;
  });
}

/** True when the text declares a framework header, and so needs no prelude. */
export function hasFrameworkHeader(text: string): boolean {
  const parsed = parseSource(text, 'example.kpi');
  return parsed.file.declarations.some((declaration) => declaration.kind === 'FrameworkDecl');
}

/**
 * The diagnostics of one example, checked as the file `example.kpi` of a folder that also
 * holds `prelude.kpi` when a prelude is given and the example has no header of its own.
 */
export function diagnosticsOf(text: string, prelude?: string): Diagnostic[] {
  const sources: SourceInput[] = [{ uri: 'example.kpi', text }];
  if (prelude !== undefined && !hasFrameworkHeader(text)) {
    sources.push({ uri: 'prelude.kpi', text: prelude });
  }
  return compileSources(sources, { emit: false }).diagnostics;
}

/** `KPI301 (3:5) message` lines, so that a failing assertion shows what kpic did say. */
export function describeAll(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(
    (diagnostic) =>
      `${diagnostic.code} ${diagnostic.uri}:${diagnostic.range.start.line + 1}:` +
      `${diagnostic.range.start.character + 1} ${diagnostic.message}`,
  );
}

/**
 * The prelude of docs/diagnostics.md: the first ```kpi block of its introduction, before the
 * first section. The examples of both pages are checked with it.
 */
export function diagnosticsPrelude(): string {
  const doc = readDoc('diagnostics.md');
  const introduction = doc.slice(0, doc.search(/^## KPI\d{3} /m));
  const prelude = kpiBlocks(introduction)[0];
  if (!prelude) throw new Error('docs/diagnostics.md has no prelude block in its introduction');
  return prelude.text;
}
