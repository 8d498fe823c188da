/**
 * File-system errors in the words a policy writer understands. The CLI prints them on one
 * line after `kpic: `, never with a stack trace.
 */

/** A file-system error in plain words, without a stack: "no such file or folder". */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'EEXIST':
      // Creating the output folder, where a file of that name is already in the way.
      return 'a file stands where a folder is needed';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
