/**
 * What a renderer returns: files in memory, named relative to their output folder. Renderers
 * never write to disk; the CLI writes the files (each one atomically) once every document has
 * rendered, so a failure half-way leaves no half-written output.
 */

/** One rendered file: a path relative to the output folder (forward slashes) and its bytes. */
export interface OutputFile {
  path: string;
  data: string | Uint8Array;
}
