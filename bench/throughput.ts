// Throughput over this machine's whole stdlib: `pyinsight check` (2 worker threads, and 1 thread) against Ruff's
// WASM build with comparable rules, each a fresh process as a user runs it, alternating within each repetition so
// every contender sees the same background load; CPython's own ast.parse over the same files for reference.
// Wall and user+sys CPU come from /usr/bin/time (or, without it, a Python wrapper's getrusage of its child).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PHASES, TIMINGS_PREFIX, type TimingsReport } from '../server/src/cli/timings';
import { median, ms, PYTHON, ROOT, STDLIB, table, type Section } from './common';
import { allRules } from '../server/src/service/rules/registry';
import { stdlibCorpus } from './corpus';

const REPS = Number(process.env.BENCH_REPS ?? 3);
const CLI = join(ROOT, 'dist', 'cli.js');

interface Contender {
  readonly name: string;
  readonly argv: readonly string[];
}

interface Run {
  readonly wallS: number;
  readonly cpuS: number;
  readonly rssMb: number;
  readonly findings: number;
  readonly timings?: TimingsReport;
}

const AST_PARSE = `import ast, sys
ok = failed = 0
for path in open(sys.argv[1], encoding='utf-8').read().split('\\n'):
    if not path:
        continue
    try:
        with open(path, 'rb') as f:
            ast.parse(f.read())
        ok += 1
    except Exception:
        failed += 1
print('[]')
print(f'ast.parse: {ok} parsed, {failed} rejected', file=sys.stderr)
`;

/** Used when /usr/bin/time is absent: runs argv[3:], writes "wall user sys maxrss_kb" to argv[1]. */
const RUSAGE_WRAPPER = `import resource, subprocess, sys, time
start = time.perf_counter()
with open(sys.argv[2], 'wb') as out:
    code = subprocess.run(sys.argv[3:], stdout=out).returncode
wall = time.perf_counter() - start
r = resource.getrusage(resource.RUSAGE_CHILDREN)
open(sys.argv[1], 'w').write(f'{wall} {r.ru_utime} {r.ru_stime} {r.ru_maxrss}')
sys.exit(code)
`;

function runOnce(contender: Contender, scratch: string): Run {
  const measures = join(scratch, 'time.txt');
  const output = join(scratch, 'stdout.json');
  const viaTime = existsSync('/usr/bin/time');
  const [command, ...args] = viaTime
    ? ['/usr/bin/time', '-f', '%e %U %S %M', '-o', measures, ...contender.argv]
    : [PYTHON, '-c', RUSAGE_WRAPPER, measures, output, ...contender.argv];
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: ['ignore', viaTime ? 'pipe' : 'ignore', 'pipe'],
    maxBuffer: 1024 * 1024 * 1024,
    encoding: 'utf8',
  });
  if (result.error) throw result.error;
  if (viaTime) writeFileSync(output, result.stdout);
  const [wall, user, system, rssKb] = readFileSync(measures, 'utf8').trim().split(/\s+/).slice(-4).map(Number);
  const timingsLine = result.stderr.split('\n').find((l) => l.startsWith(TIMINGS_PREFIX));
  let findings: number;
  try {
    findings = (JSON.parse(readFileSync(output, 'utf8')) as unknown[]).length;
  } catch {
    throw new Error(`${contender.name} printed no JSON report (exit ${result.status}): ${result.stderr.slice(-500)}`);
  }
  return {
    wallS: wall,
    cpuS: user + system,
    rssMb: rssKb / 1024,
    findings,
    timings: timingsLine ? (JSON.parse(timingsLine.slice(TIMINGS_PREFIX.length)) as TimingsReport) : undefined,
  };
}

/** Ruff's selection (shared with ruffWasm.mjs; a code stands for every code it prefixes, as in Ruff). */
const RUFF_RULES = JSON.parse(readFileSync(join(__dirname, 'ruffRules.json'), 'utf8')) as string[];

/** The PIN rules that declare an equivalent among Ruff's selection (B006 ~ PIN502, ASYNC251 ~ PIN301, ...). */
const COMPARABLE = allRules
  .filter((rule) => rule.equivalentCodes.some((code) => RUFF_RULES.some((selected) => code.startsWith(selected))))
  .map((rule) => rule.code)
  .join(',');
const COMPARABLE_COUNT = COMPARABLE.split(',').length;

export function throughputSection(): Section {
  const scratch = mkdtempSync(join(tmpdir(), 'pyinsight-throughput-'));
  const corpus = stdlibCorpus();
  const list = join(scratch, 'files.txt');
  writeFileSync(list, `${corpus.files.join('\n')}\n`);
  const pyinsight = (jobs: number, select?: string): Contender => ({
    name: `pyinsight check --jobs ${jobs}${select ? ` --select ${select}` : ''}`,
    argv: [process.execPath, CLI, 'check', STDLIB, '--exit-zero', '--format', 'json', '--jobs', String(jobs), '--timings', ...(select ? ['--select', select] : [])],
  });
  const contenders: Contender[] = [
    pyinsight(2),
    pyinsight(1),
    { name: `Ruff WASM (${RUFF_RULES.map((c) => (c === 'ASYNC2' ? 'ASYNC2xx' : c)).join(', ')})`, argv: [process.execPath, join(__dirname, 'ruffWasm.mjs'), list] },
    { name: `CPython ast.parse only (${PYTHON.split('/').pop()}, reference)`, argv: [PYTHON, '-c', AST_PARSE, list] },
    pyinsight(2, COMPARABLE),
  ];
  const runs = new Map<string, Run[]>(contenders.map((c) => [c.name, []]));
  try {
    for (let rep = 0; rep < REPS; rep++) {
      // Rotate who goes first, so no contender always runs right after the same neighbour.
      for (let k = 0; k < contenders.length; k++) {
        const contender = contenders[(rep + k) % contenders.length];
        runs.get(contender.name)!.push(runOnce(contender, scratch));
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const med = (name: string, f: (r: Run) => number) => median(runs.get(name)!.map(f));
  const [jobs2, jobs1, ruff, , comparable] = contenders.map((c) => c.name);
  const rows = contenders.map((c) => {
    const wall = med(c.name, (r) => r.wallS);
    const cpu = med(c.name, (r) => r.cpuS);
    return [c.name, ms(wall, 2), ms(cpu, 2), ms(cpu / wall, 2), ms(med(c.name, (r) => r.rssMb), 0), String(runs.get(c.name)![0].findings)];
  });
  const ratio = (a: string, b: string, f: (r: Run) => number) => med(a, f) / med(b, f);
  const wall = (r: Run) => r.wallS;
  const cpu = (r: Run) => r.cpuS;
  const phases = (name: string) => PHASES.map((p) => ms(median(runs.get(name)!.map((r) => r.timings?.phasesMs[p] ?? Number.NaN)), 0));
  const gap = ratio(jobs2, ruff, wall);
  // Two busy threads on two free cores show CPU/wall near 2; far below, something else held a core during the run.
  const contended = med(jobs2, cpu) / med(jobs2, wall) < 1.3;
  const warning = contended
    ? `\n\n**Contended run:** \`--jobs 2\` got ${ms(med(jobs2, cpu) / med(jobs2, wall), 2)} cores on average (CPU/wall), so other work held a core; its wall times and the ratios to \`--jobs 1\` say little here. Compare CPU times.`
    : '';
  const body = [
    `${corpus.files.length} files, ${ms(corpus.bytes / 1e6)} MB: every file \`pyinsight check ${STDLIB}\` visits. Medians of ${REPS} fresh processes`,
    'each, run alternately. Both linters write a JSON report of their findings to a pipe. The Ruff script reads the same',
    'file list (it gets the list; our CLI walks the folder itself) and runs one `Workspace.check` per file on one thread:',
    "the WASM build offers no parallel mode. The rule sets differ (every PIN rule against Ruff's selection), so compare",
    `costs, not findings; the last row runs only the ${COMPARABLE_COUNT} PIN rules that declare an equivalent in Ruff's selection.`,
    '',
    table(['contender', 'wall s', 'CPU s (user+sys)', 'CPU/wall', 'peak RSS MB', 'findings'], rows),
    '',
    table(['ratio', 'wall', 'CPU'], [
      ['pyinsight --jobs 2 / Ruff WASM', ms(ratio(jobs2, ruff, wall), 2), ms(ratio(jobs2, ruff, cpu), 2)],
      ['pyinsight --jobs 1 / Ruff WASM', ms(ratio(jobs1, ruff, wall), 2), ms(ratio(jobs1, ruff, cpu), 2)],
      ['pyinsight --jobs 2 / --jobs 1', ms(ratio(jobs2, jobs1, wall), 2), ms(ratio(jobs2, jobs1, cpu), 2)],
      [`pyinsight --jobs 2, the ${COMPARABLE_COUNT} comparable rules / Ruff WASM`, ms(ratio(comparable, ruff, wall), 2), ms(ratio(comparable, ruff, cpu), 2)],
    ]),
    '',
    'pyinsight per phase (`--timings`, ms): elapsed time inside each thread, summed over the threads, so it grows when the',
    "threads wait for a core; `init` is a worker's start-up, or the main thread's grammar load.",
    '',
    table(['run', ...PHASES], [
      ['--jobs 1', ...phases(jobs1)],
      ['--jobs 2', ...phases(jobs2)],
      [`--jobs 2, ${COMPARABLE_COUNT} comparable rules`, ...phases(comparable)],
    ]),
  ].join('\n') + warning;
  return {
    title: 'Throughput: pyinsight check against Ruff WASM',
    body,
    goals: [
      { goal: 'pyinsight check --jobs 2 wall time < Ruff WASM (all 36 PIN rules)', target: 'ratio < 1', measured: `${ms(gap, 2)} (${ms(med(jobs2, wall), 1)} s vs ${ms(med(ruff, wall), 1)} s${contended ? '; contended run' : ''})`, met: gap < 1 },
      {
        goal: `pyinsight check --jobs 2 wall time < Ruff WASM (the ${COMPARABLE_COUNT} comparable PIN rules)`,
        target: 'ratio < 1',
        measured: `${ms(ratio(comparable, ruff, wall), 2)} (${ms(med(comparable, wall), 1)} s vs ${ms(med(ruff, wall), 1)} s)`,
        met: ratio(comparable, ruff, wall) < 1,
      },
    ],
  };
}

if (require.main === module) {
  const s = throughputSection();
  process.stdout.write(`## ${s.title}\n\n${s.body}\n`);
}
