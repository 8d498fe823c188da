/**
 * The one error type renderers throw for a problem the user can fix: a template that does not
 * compile, a templates folder that cannot be read, no browser to print with. The CLI prints
 * its message as it is, without a stack trace; any other error is a bug.
 */

export type RenderErrorCode =
  /** A custom template folder that is missing or unreadable. */
  | 'templates-folder'
  /** A template that does not parse or fails while rendering; the message names the file. */
  | 'template'
  /** No Chromium-family browser was found, or the given one does not exist. */
  | 'browser-not-found'
  /** The browser started but could not print. */
  | 'browser-failed';

export class RenderError extends Error {
  override readonly name = 'RenderError';

  constructor(
    readonly code: RenderErrorCode,
    message: string,
  ) {
    super(message);
  }
}
