// `npm run bench:stdlib`: pyinsight check over this machine's CPython standard library (tests included), per-rule
// finding counts and a few sampled findings per rule, written to bench/stdlib-findings.md for review.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';

interface JsonFinding {
  readonly filename: string;
  readonly code: string;
  readonly message: string;
  readonly location: { readonly row: number; readonly column: number };
}

const ROOT = join(__dirname, '..');
const stdlib = execFileSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' }).trim();
const version = execFileSync('python3', ['--version'], { encoding: 'utf8' }).trim();
const start = performance.now();
const run = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', stdlib], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
const seconds = (performance.now() - start) / 1000;
const findings = JSON.parse(run.stdout) as JsonFinding[];
const unreadable = run.stderr.split('\n').filter((line) => line.includes(': error: '));

const byRule = new Map<string, JsonFinding[]>();
for (const f of findings) byRule.set(f.code, [...(byRule.get(f.code) ?? []), f]);
const codes = [...byRule.keys()].sort();

// Evenly spaced samples, so a review sees findings from different parts of the library.
function sample(list: JsonFinding[], count: number): JsonFinding[] {
  if (list.length <= count) return list;
  return Array.from({ length: count }, (_, i) => list[Math.floor((i * list.length) / count)]);
}

function sourceLine(f: JsonFinding): string {
  const line = readFileSync(f.filename, 'latin1').split(/\r\n|\n|\r/)[f.location.row - 1] ?? '';
  return line.trim().slice(0, 110);
}

const lines = [
  '# pyinsight on the CPython standard library',
  '',
  `${version} stdlib (\`${stdlib}\`, tests included) · exit ${run.status} · ${seconds.toFixed(1)} s wall · ${new Date().toISOString().slice(0, 10)}`,
  '',
  `Files CPython itself cannot decode, reported and skipped: ${unreadable.length}.`,
  '',
  '| rule | findings | files |',
  '|---|---|---|',
  ...codes.map((code) => `| ${code} | ${byRule.get(code)!.length} | ${new Set(byRule.get(code)!.map((f) => f.filename)).size} |`),
  '',
  '## Samples',
  '',
  ...codes.flatMap((code) => [
    `### ${code}`,
    '',
    ...sample(byRule.get(code)!, 5).map((f) => `- \`${relative(stdlib, f.filename)}:${f.location.row}\` — \`${sourceLine(f).replace(/`/g, "'")}\``),
    '',
  ]),
];
writeFileSync(join(__dirname, 'stdlib-findings.md'), lines.join('\n'));
process.stdout.write(`${findings.length} findings in ${seconds.toFixed(1)} s; wrote bench/stdlib-findings.md\n`);
