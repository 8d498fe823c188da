/**
 * Whether and how to colour output. Colour goes only to a terminal, and picocolors decides
 * whether the terminal and environment allow it: NO_COLOR turns it off, FORCE_COLOR turns it
 * on even when the output is piped (for tests and for CI logs that render colour).
 */
import pc from 'picocolors';

export type Colors = ReturnType<typeof pc.createColors>;

/** The colours to use on `stream`: real ones on a terminal that allows them, else plain text. */
export function colorsFor(stream: { isTTY?: boolean }): Colors {
  const wanted = stream.isTTY === true || Boolean(process.env.FORCE_COLOR);
  return pc.createColors(wanted && pc.isColorSupported);
}
