/**
 * The files the server knows and the frameworks they make. A framework spans files, so the
 * server checks every .kpi file of the workspace folders, open or not: an open file from its
 * editor text, a closed one from disk.
 *
 * Files are grouped into frameworks the way `kpic check <folder>` reads them: a file belongs
 * to the nearest folder above it (its own first) that directly holds a file with a
 * `framework` header, and to its own folder when none does. Checking one such folder gives
 * what `kpic check` gives on it. Texts are parsed once per version and the parse is kept, so
 * that a keystroke reparses only the file it changed.
 */
import { dirname, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  checkSources,
  IncrementalParser,
  sortDiagnostics,
  parseSource,
  type CheckedSources,
  type Diagnostic,
  type ParseResult,
  type SourceInput,
} from '@kpilang/core';

/** One known .kpi file. */
export interface KnownFile {
  /** The file's path: the key every table uses, so that two spellings of a URI meet. */
  path: string;
  /** The URI the editor uses for it (or the one made from its path, for a closed file). */
  uri: string;
  text: string;
  /** The editor's version of an open file; undefined for a file read from disk. */
  version?: number;
  /** What decoding the bytes found (a closed file only; an editor gives text). */
  decodeDiagnostics: Diagnostic[];
  /** The parse of `text`, made on first need. */
  parsed?: ParseResult;
  /** Whether `text` holds a framework header, found on first need. */
  header?: boolean;
}

/** A framework: the folder that roots it and the files it spans. */
export interface FrameworkUnit {
  root: string;
  files: KnownFile[];
}

/** What checking one framework gave, and the texts it was computed from. */
export interface Analysis {
  unit: FrameworkUnit;
  checked: CheckedSources;
  /** Every diagnostic of the unit (decoding, parsing, checking), sorted. */
  diagnostics: Diagnostic[];
  /** The version of each open file the result was computed from, by path. */
  versions: Map<string, number | undefined>;
  /** The files by URI, as the analysis names them. */
  byUri: Map<string, KnownFile>;
}

/** The path of a `file:` URI; undefined for any other URI, or a value that is not one. */
export function uriToPath(uri: string): string | undefined {
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

export class Workspace {
  private readonly files = new Map<string, KnownFile>();
  /** The paths of the files an editor has open; their text comes from the editor. */
  private readonly open = new Set<string>();
  /** Folders whose frameworks were analysed, with the result, until a file of theirs changes. */
  private readonly analyses = new Map<string, Analysis>();
  private headed: Set<string> | undefined;
  /** The frameworks the known files make, by root; kept until a file changes. */
  private grouped: Map<string, FrameworkUnit> | undefined;
  /** One incremental parser per file, so an edit reparses only the declarations it touched. */
  private readonly parsers = new Map<string, IncrementalParser>();

  /**
   * @param alone True for a file `kpic check` would not read with its neighbours, such as an
   *   open file in a dot-folder or node_modules (a local-history copy): it is checked alone,
   *   so it neither joins nor duplicates the framework above it.
   */
  constructor(private readonly alone: (path: string) => boolean = () => false) {}

  /** Every known file, in path order. */
  allFiles(): KnownFile[] {
    return [...this.files.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  get(path: string): KnownFile | undefined {
    return this.files.get(path);
  }

  isOpen(path: string): boolean {
    return this.open.has(path);
  }

  /** A file read from disk. An open file keeps its editor text. Returns false when ignored. */
  setDiskFile(path: string, text: string, decodeDiagnostics: Diagnostic[]): boolean {
    if (this.open.has(path)) return false;
    const known = this.files.get(path);
    if (known && known.text === text && known.version === undefined) return false;
    this.files.set(path, { path, uri: known?.uri ?? pathToUri(path), text, decodeDiagnostics });
    this.invalidate(path);
    return true;
  }

  removeDiskFile(path: string): boolean {
    if (this.open.has(path) || !this.files.has(path)) return false;
    this.invalidate(path);
    this.files.delete(path);
    this.parsers.delete(path);
    return true;
  }

  /** An editor opened or changed a file. */
  setOpenFile(path: string, uri: string, text: string, version: number): void {
    this.open.add(path);
    const known = this.files.get(path);
    if (known && known.text === text && known.version === version) return;
    this.files.set(path, { path, uri, text, version, decodeDiagnostics: [] });
    this.invalidate(path);
  }

  /**
   * An editor closed a file: it is read from disk again by the caller, or dropped when it is
   * not on disk (an unsaved file).
   */
  closeFile(path: string): void {
    this.open.delete(path);
  }

  /** The folder whose framework `path` belongs to. */
  rootOf(path: string): string {
    if (this.alone(path)) return path;
    const folder = dirname(path);
    const headed = this.headedFolders();
    for (let current = folder; ; current = dirname(current)) {
      if (headed.has(current)) return current;
      const parent = dirname(current);
      if (parent === current) return folder;
    }
  }

  /** Every framework the known files make, by root folder. */
  units(): FrameworkUnit[] {
    return [...this.frameworks().values()];
  }

  unitOf(path: string): FrameworkUnit | undefined {
    if (!this.files.has(path)) return undefined;
    return this.frameworks().get(this.rootOf(path));
  }

  /** The folders that directly hold a framework header, as one string to compare over time. */
  headerKey(): string {
    return [...this.headedFolders()].sort().join('\n');
  }

  /** The analysis of the framework `path` belongs to, computed now if a file of it changed. */
  analysisOf(path: string): Analysis | undefined {
    const unit = this.unitOf(path);
    if (!unit) return undefined;
    return this.analyse(unit);
  }

  /** The analysis of `unit`, from the cache when none of its files changed since. */
  analyse(unit: FrameworkUnit): Analysis {
    const cached = this.analyses.get(unit.root);
    if (cached && sameFiles(cached.unit, unit)) return cached;

    const sources: SourceInput[] = unit.files.map((file) => ({
      uri: file.uri,
      order: file.path.split(sep).join('/'),
      text: file.text,
    }));
    const byUri = new Map(unit.files.map((file) => [file.uri, file]));
    const checked = checkSources(sources, {
      parse: (source) => {
        const file = byUri.get(source.uri);
        if (!file) return parseSource(source.text, source.uri);
        return this.parsed(file);
      },
    });
    const diagnostics = sortDiagnostics([
      ...unit.files.flatMap((file) => file.decodeDiagnostics),
      ...checked.diagnostics,
    ]);
    const versions = new Map(unit.files.map((file) => [file.path, file.version]));
    const analysis: Analysis = { unit, checked, diagnostics, versions, byUri };
    this.analyses.set(unit.root, analysis);
    return analysis;
  }

  /** True when the analysis was computed from the files as they are now. */
  isCurrent(analysis: Analysis): boolean {
    const unit = this.unitOf(analysis.unit.files[0]?.path ?? '');
    return unit !== undefined && sameFiles(analysis.unit, unit);
  }

  /** The frameworks by root, each with its files in path order; kept until a file changes. */
  private frameworks(): Map<string, FrameworkUnit> {
    if (this.grouped) return this.grouped;
    const grouped = new Map<string, FrameworkUnit>();
    for (const file of this.allFiles()) {
      const root = this.rootOf(file.path);
      const unit = grouped.get(root);
      if (unit) unit.files.push(file);
      else grouped.set(root, { root, files: [file] });
    }
    this.grouped = grouped;
    return grouped;
  }

  /** Folders that directly hold a file with a framework header; kept until a file changes. */
  private headedFolders(): Set<string> {
    if (this.headed) return this.headed;
    const folders = new Set<string>();
    for (const file of this.files.values()) {
      if (!this.alone(file.path) && this.hasHeader(file)) folders.add(dirname(file.path));
    }
    this.headed = folders;
    return folders;
  }

  /**
   * Whether a file holds a framework header. A header starts with the keyword, so a text without
   * its letters holds none and is not parsed: a keystroke in such a file is grouped into its
   * framework at once, and parsed only when the debounced check runs.
   */
  private hasHeader(file: KnownFile): boolean {
    file.header ??=
      file.text.includes('framework') &&
      this.parsed(file).file.declarations.some((decl) => decl.kind === 'FrameworkDecl');
    return file.header;
  }

  /** The parse of a file's current text, made once per version. */
  private parsed(file: KnownFile): ParseResult {
    if (file.parsed) return file.parsed;
    let parser = this.parsers.get(file.path);
    if (!parser || parser.uri !== file.uri) {
      parser = new IncrementalParser(file.uri);
      this.parsers.set(file.path, parser);
    }
    file.parsed = parser.parse(file.text);
    return file.parsed;
  }

  private invalidate(path: string): void {
    this.headed = undefined;
    this.grouped = undefined;
    // A changed file may move between frameworks (a header added or removed), so every cached
    // analysis is checked against the files it was made from, not only this file's.
    for (const [root, analysis] of this.analyses) {
      if (analysis.unit.files.some((file) => file.path === path) || path.startsWith(root + sep)) {
        this.analyses.delete(root);
      }
    }
  }
}

/** True when both units hold the same file objects (a change replaces the object). */
function sameFiles(a: FrameworkUnit, b: FrameworkUnit): boolean {
  if (a.root !== b.root || a.files.length !== b.files.length) return false;
  return a.files.every((file, index) => file === b.files[index]);
}
