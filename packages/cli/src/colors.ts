/**
 * Whether and how to colour output. Colour goes only to a terminal, and picocolors decides
 * whether the terminal and environment allow it: NO_COLOR turns it off, FORCE_COLOR turns it
 * on even when the output is piped (for tests and for CI logs that render colour), and
 * FORCE_COLOR=0 or FORCE_COLOR=false turns it off, as Node and most tools read them.
 */
import pc from 'picocolors';

export type Colors = ReturnType<typeof pc.createColors>;

/** The colours to use on `stream`: real ones on a terminal that allows them, else plain text. */
export function colorsFor(stream: { isTTY?: boolean }): Colors {
  const forced = process.env.FORCE_COLOR;
  // picocolors counts any FORCE_COLOR as yes, '0' and 'false' included.
  if (forced === '0' || forced === 'false') return pc.createColors(false);

  const wanted = stream.isTTY === true || Boolean(forced);
  return pc.createColors(wanted && pc.isColorSupported);
}
