// This machine's CPython standard library as a corpus: every .py file under Lib/ (tests included), and a fixed sample
// of a few hundred that keeps the awkward ones: lib2to3 (Python 2 files, a BOM, CRLF, other encodings), the
// deliberately broken badsyntax_*/bad_coding* files and tokenizer data.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Lib/ of `python3`, or undefined when there is no python3 on PATH. */
export function stdlibRoot(python = 'python3'): string | undefined {
  try {
    return execFileSync(python, ['-c', "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

/** Every .py file under `root`, sorted, skipping site-packages (installed packages, not the standard library). */
export function pythonFiles(root: string): string[] {
  const files: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && !entry.isSymbolicLink() && entry.name !== 'site-packages' && entry.name !== '__pycache__') pending.push(path);
      else if (entry.isFile() && entry.name.endsWith('.py')) files.push(path);
    }
  }
  return files.sort();
}

const AWKWARD = /(^|[/\\])(lib2to3|tokenizedata)[/\\]|badsyntax_|bad_coding|bad_getattr/;

/** About `size` files: all the awkward ones, then evenly spaced others. Deterministic for a given Lib/. */
export function stdlibSample(root: string, size = 300): string[] {
  const all = pythonFiles(root);
  const awkward = all.filter((f) => AWKWARD.test(relative(root, f).split(sep).join('/')));
  const rest = all.filter((f) => !awkward.includes(f));
  const step = Math.max(1, Math.floor(rest.length / Math.max(1, size - awkward.length)));
  return [...awkward, ...rest.filter((_, i) => i % step === 0)].sort();
}
