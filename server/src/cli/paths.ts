// How a checked file's path is shown: relative to the working directory when it lies inside it, else absolute
// (as Ruff does; `../../usr/lib/python3.11/os.py` helps nobody).
import { isAbsolute, relative } from 'node:path';

export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
