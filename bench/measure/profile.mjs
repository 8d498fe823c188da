/**
 * Reads a V8 CPU profile (`node --cpu-prof`) and says where the time went: self time by
 * module (a package, or a file of ours), self time by function, and inclusive time by
 * function (each function counted once per sampled stack, so recursion does not inflate it).
 * The benchmark prints this when kpic misses a goal, so the report can name the hot spot.
 *
 * kpic ships as one esbuild bundle; esbuild marks where each source module starts with a
 * `// path/to/module.js` line, so a bundled function is credited to the module it came from.
 */
import { readFileSync } from 'node:fs';

/**
 * Summarises a .cpuprofile file.
 *
 * @param {string} file
 * @param {{ top?: number, root?: string }} [options] `root`: repository root, cut from paths
 */
export function summarizeProfile(file, options = {}) {
  const top = options.top ?? 12;
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parents.set(child, node.id);
  }

  const modules = new BundleMap(options.root);
  const selfByFunction = new Map();
  const selfByModule = new Map();
  const inclusive = new Map();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    const frame = nodes.get(id).callFrame;
    add(selfByFunction, functionKey(frame, options.root, modules), ms);
    add(selfByModule, modules.moduleOf(frame), ms);

    const seen = new Set();
    for (let at = id; at !== undefined; at = parents.get(at)) {
      const key = functionKey(nodes.get(at).callFrame, options.root, modules);
      if (!seen.has(key)) {
        seen.add(key);
        add(inclusive, key, ms);
      }
    }
  });

  return {
    totalMs,
    byModule: ranked(selfByModule, totalMs, top),
    bySelf: ranked(selfByFunction, totalMs, top),
    byInclusive: ranked(inclusive, totalMs, top + 8).filter((row) => !row.name.startsWith('(')),
  };
}

function add(map, key, ms) {
  map.set(key, (map.get(key) ?? 0) + ms);
}

function ranked(map, totalMs, top) {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, ms]) => ({ name, ms, share: totalMs ? ms / totalMs : 0 }));
}

/** `name [module]` for bundled code, `name path:line` for plain modules. */
function functionKey(frame, root, modules) {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return `(${name.replace(/^\(|\)$/g, '')})`;
  if (modules.markersOf(frame.url).length > 0) return `${name} [${modules.moduleOf(frame)}]`;
  return `${name} ${shortPath(frame.url, root)}:${frame.lineNumber + 1}`;
}

/** Finds the module of a sampled frame, reading esbuild's markers in bundled files. */
class BundleMap {
  constructor(root) {
    this.root = root;
    this.markers = new Map();
  }

  moduleOf(frame) {
    const { url } = frame;
    if (!url) return '(program, gc, idle)';
    if (url.startsWith('node:')) return '(node internals)';
    const marks = this.markersOf(url);
    if (marks.length === 0) return packageOf(url) ?? shortPath(url, this.root);

    let found = '(bundle prelude)';
    for (const mark of marks) {
      if (mark.line > frame.lineNumber) break;
      found = mark.module;
    }
    return found;
  }

  /** The `// module` lines of a file, zero-based, in order; none for a plain module. */
  markersOf(url) {
    if (!this.markers.has(url)) {
      let marks = [];
      try {
        const lines = readFileSync(new URL(url), 'utf8').split('\n');
        marks = lines.flatMap((text, line) => {
          const match = /^\/\/ (\S+\.[cm]?[jt]s)$/.exec(text);
          return match ? [{ line, module: packageOf(match[1]) ?? ourModule(match[1]) }] : [];
        });
      } catch {
        marks = [];
      }
      this.markers.set(url, marks);
    }
    return this.markers.get(url);
  }
}

/** The package a path lies in, for dependencies under node_modules. */
function packageOf(path) {
  const packaged = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(
    path,
  );
  return packaged && !/packages\/[^/]+\/dist\//.test(path) ? packaged[1] : undefined;
}

/**
 * `../core/dist/syntax/parser.js` as `core: syntax/parser`; `src/io.ts` (relative to the CLI
 * package, where the bundle is built) as `cli: io`.
 */
function ourModule(path) {
  if (path.startsWith('src/')) return `cli: ${path.slice(4).replace(/\.[cm]?[jt]s$/, '')}`;
  const match = /(?:^|\/)(?:packages\/)?([\w-]+)\/(?:dist|src)\/(.+)\.[cm]?[jt]s$/.exec(path);
  return match ? `${match[1]}: ${match[2]}` : path;
}

function shortPath(url, root) {
  const path = url.replace(/^file:\/\//, '');
  return root && path.startsWith(root) ? path.slice(root.length).replace(/^\//, '') : path;
}
