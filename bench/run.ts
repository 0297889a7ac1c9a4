// `npm run bench`: every benchmark, one after the other (they would disturb each other in parallel on 2 cores),
// then bench/RESULTS.md rewritten: machine, versions and date; the goals, met or not; each benchmark's
// tables. The hand-written analysis between the notes markers is kept across runs.
//   tsx bench/run.ts                   everything, rewrites RESULTS.md
//   tsx bench/run.ts latency memory    only those sections, printed to stdout (RESULTS.md untouched)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analysisSection } from './analysis';
import { machineDescription, ROOT, table, type Section } from './common';
import { keystrokeSection } from './keystroke';
import { latencySection } from './lspLatency';
import { memorySection } from './memory';
import { packageVsix, startSection } from './start';
import { throughputSection } from './throughput';
import { viewsSection } from './views';

const RESULTS = join(__dirname, 'RESULTS.md');
const NOTES_START = '<!-- notes:start (kept by bench/run.ts; write the causes of missed goals here) -->';
const NOTES_END = '<!-- notes:end -->';

function keptNotes(): string {
  const old = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '';
  const start = old.indexOf(NOTES_START);
  const end = old.indexOf(NOTES_END);
  return start >= 0 && end > start ? old.slice(start + NOTES_START.length, end).trim() : '';
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const wanted = (name: string) => only.length === 0 || only.includes(name);
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const machine = machineDescription();

  let vsix: { bytes?: number; problem?: string } = { problem: 'not packaged in this run' };
  if (wanted('start')) {
    process.stderr.write('bench: packaging the .vsix (production build of dist/)\n');
    vsix = packageVsix();
    // Without a production build, measure the development one rather than nothing.
    if (vsix.problem) execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
  const benchmarks: Array<[string, () => Section | Promise<Section>]> = [
    ['throughput', throughputSection],
    ['latency', latencySection],
    ['keystroke', () => keystrokeSection()],
    ['memory', memorySection],
    ['start', () => startSection(vsix)],
    ['views', viewsSection],
    ['analysis', analysisSection],
  ];
  const sections: Section[] = [];
  for (const [name, bench] of benchmarks.filter(([name]) => wanted(name))) {
    const start = performance.now();
    process.stderr.write(`bench: ${name}…\n`);
    try {
      sections.push(await bench());
    } catch (error) {
      sections.push({ title: name, body: `The benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, goals: [] });
    }
    process.stderr.write(`bench: ${name} took ${((performance.now() - start) / 1000).toFixed(0)} s\n`);
  }

  const verdict = (met: boolean | undefined) => (met === undefined ? '—' : met ? '✅ met' : '❌ missed');
  const load = `Load average when the run ended: ${loadavg().map((l) => l.toFixed(2)).join(', ')}.`;
  const goals = table(['goal', 'target', 'measured', 'verdict'], sections.flatMap((s) => s.goals.map((g) => [g.goal, g.target, g.measured, verdict(g.met)])));
  const parts = sections.map((s) => `## ${s.title}\n\n${s.body}\n`);
  if (only.length > 0) {
    process.stdout.write(`${machine}\n- ${load}\n\n${goals}\n\n${parts.join('\n')}`);
    return;
  }
  const report = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (bench/run.ts) on ${date} UTC. How each number is measured: [README.md](README.md).`,
    '',
    machine,
    `- ${load}`,
    '',
    '## Goals (issue 7)',
    '',
    goals,
    '',
    '## Notes: gaps and their causes',
    '',
    NOTES_START,
    keptNotes(),
    NOTES_END,
    '',
    ...parts,
  ].join('\n');
  writeFileSync(RESULTS, report);
  process.stdout.write(report);
}

void main();
