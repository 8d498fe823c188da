/**
 * Exhaustiveness for switches over a tagged union (the formula nodes, say): a `default`
 * that calls `unreachable` stops the type-check when a new kind is added and a switch has no
 * case for it, instead of letting that kind fall through unnoticed.
 */

/**
 * Never returns. The type-check guarantees it is reached only with a value of type `never`;
 * if a malformed tree (one built outside the parser) reaches it anyway, it throws, and the
 * checker's guard turns that into KPI901 at the node being checked.
 */
export function unreachable(value: never, what: string): never {
  const kind = (value as { kind?: unknown } | undefined)?.kind;
  throw new Error(`unexpected ${what} ${String(kind ?? value)}`);
}
