// The default output: one `path:row:col: CODE message` line per finding, the shape editors and CI logs link up.
import type { FileResult } from './findings';
import { displayPath } from './paths';

export function formatText(results: readonly FileResult[], cwd: string): string {
  const lines: string[] = [];
  for (const result of results) {
    const path = displayPath(result.path, cwd);
    for (const f of result.findings) lines.push(`${path}:${f.location.row}:${f.location.column}: ${f.code} ${f.message}\n`);
  }
  return lines.join('');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The closing line(s) on stderr. */
export function summary(results: readonly FileResult[], failedFiles: number): string {
  const problems = results.reduce((n, r) => n + r.findings.length, 0);
  const files = results.filter((r) => r.findings.length > 0).length;
  let text = problems > 0 ? `Found ${plural(problems, 'problem')} in ${plural(files, 'file')}.\n` : failedFiles > 0 ? 'No problems found.\n' : 'All checks passed.\n';
  if (failedFiles > 0) text += `${plural(failedFiles, 'file')} could not be checked.\n`;
  return text;
}
