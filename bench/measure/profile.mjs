/**
 * Reads a V8 CPU profile (`node --cpu-prof`) and says where the time went: self time by
 * module (a package, or a file of ours), self time by function, and inclusive time by
 * function (each function counted once per sampled stack, so recursion does not inflate it).
 * The benchmark prints this when kpic misses a goal, so the report can name the hot spot.
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

  const selfByFunction = new Map();
  const selfByModule = new Map();
  const inclusive = new Map();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    const frame = nodes.get(id).callFrame;
    add(selfByFunction, functionKey(frame, options.root), ms);
    add(selfByModule, moduleOf(frame.url, options.root), ms);

    const seen = new Set();
    for (let at = id; at !== undefined; at = parents.get(at)) {
      const key = functionKey(nodes.get(at).callFrame, options.root);
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

function functionKey(frame, root) {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return `(${name.replace(/^\(|\)$/g, '')})`;
  return `${name} ${shortPath(frame.url, root)}:${frame.lineNumber + 1}`;
}

/** A package name for dependencies, a repository path for our own files. */
function moduleOf(url, root) {
  if (!url) return '(program, gc, idle)';
  if (url.startsWith('node:')) return '(node internals)';
  const packaged = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packaged && !/packages\/[^/]+\/dist\//.test(url)) return packaged[1];
  return shortPath(url, root);
}

function shortPath(url, root) {
  const path = url.replace(/^file:\/\//, '');
  return root && path.startsWith(root) ? path.slice(root.length).replace(/^\//, '') : path;
}
