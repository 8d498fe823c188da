/**
 * The `sourceHash` of a rule set: a sha256 over the source texts, so that a rule set can be
 * traced to the exact sources it was built from. Part of emit; the rule-set schema describes
 * the same recipe for anyone who wants to recompute it.
 */
import { createHash } from 'node:crypto';
import { compareSources, type SourceInput } from '../check-sources.js';

/**
 * Hashes the texts in source order (`compareSources`: by path): for each, its UTF-8 length in
 * bytes, a line feed, then its bytes. A leading byte-order mark is dropped; line endings are
 * hashed as written. Names only order the texts and are not hashed, so the result does not
 * depend on the folder the sources lie in or the directory kpic runs from. Returns `sha256:`
 * and 64 hex digits.
 */
export function hashSources(sources: readonly SourceInput[]): string {
  const ordered = [...sources].sort(compareSources);
  const hash = createHash('sha256');
  for (const source of ordered) {
    const text = source.text.startsWith('\uFEFF') ? source.text.slice(1) : source.text;
    const bytes = Buffer.from(text, 'utf8');
    hash.update(`${bytes.length}\n`);
    hash.update(bytes);
  }

  return `sha256:${hash.digest('hex')}`;
}
