/**
 * A small seeded random number generator for the benchmark's framework generator.
 *
 * The generated framework must be the same on every run and every machine, so that figures
 * from different runs measure the same input; Math.random cannot be seeded, so this wraps
 * mulberry32, a 32-bit generator that is more than random enough for picking test data.
 */

/**
 * Returns a generator of helpers drawing from one seeded stream.
 * The same seed always yields the same sequence of values.
 *
 * @param {number} seed
 */
export function createRandom(seed) {
  let state = seed >>> 0;

  /** A float in [0, 1). */
  function next() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [low, high], both ends included. */
  function int(low, high) {
    return low + Math.floor(next() * (high - low + 1));
  }

  /** One element of a non-empty array. */
  function pick(items) {
    return items[Math.floor(next() * items.length)];
  }

  /** A shuffled copy of an array (Fisher-Yates). */
  function shuffle(items) {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }

  /** `count` distinct elements of an array, in random order. */
  function sample(items, count) {
    return shuffle(items).slice(0, count);
  }

  return { next, int, pick, shuffle, sample };
}
