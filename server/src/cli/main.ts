// `pyinsight check`: the entry point of dist/cli.js. Parses arguments, checks the files (pool.ts: in this thread or
// on worker threads), prints, and sets the exit code: 0 clean, 1 findings (0 with --exit-zero), 2 usage error,
// unreadable file or internal error.
// process.exitCode rather than process.exit(): a large report written to a pipe must drain before Node exits.
import { performance } from 'node:perf_hooks';
import { isMainThread, workerData } from 'node:worker_threads';
import { homepage, version } from '../../../package.json';
import { loadPythonGrammar } from '../parsing/treeSitter';
import { allRules } from '../service/rules/registry';
import { HELP, parseCommandLine, type Command } from './args';
import { explainAt } from './explain';
import type { FileResult } from './findings';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { formatText, summary } from './formatText';
import { displayPath } from './paths';
import { checkFiles, defaultJobs } from './pool';
import { unknownCodes } from './selection';
import { formatTimings, noTimes, timed } from './timings';
import { collectFiles } from './walk';
import { runCheckWorker, type WorkerInput } from './worker';

const out = (text: string) => void process.stdout.write(text);
const err = (text: string) => void process.stderr.write(text);

async function check(command: Extract<Command, { kind: 'check' }>, cwd: string): Promise<number> {
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  const times = command.timings ? noTimes() : undefined;
  for (const code of unknownCodes(command.selection, allRules)) err(`warning: '${code}' matches no pyinsight rule\n`);
  const { files, problems } = collectFiles(command.paths, cwd);
  const failures = problems.map((p) => ({ path: p.path, message: p.message }));
  for (const p of problems) err(`${displayPath(p.path, cwd)}: error: ${p.message}\n`);
  if (files.length === 0 && problems.length === 0) err('warning: No Python files found under the given path(s)\n');
  const warnedConfigs = new Set<string>();
  const results: FileResult[] = [];
  const jobs = Math.max(1, Math.min(command.jobs ?? defaultJobs(files.length), files.length));
  // Results arrive in file order whatever the job count, so messages on stderr keep today's order too.
  await checkFiles({ files, selection: command.selection, jobs, workerScript: __filename, times }, (result) => {
    if (result.config && result.config.errors.length > 0 && !warnedConfigs.has(result.config.path)) {
      warnedConfigs.add(result.config.path);
      for (const message of result.config.errors) err(`warning: ${message}\n`);
    }
    for (const message of result.errors) {
      err(`${displayPath(result.path, cwd)}: error: ${message}\n`);
      failures.push({ path: result.path, message });
    }
    results.push(result);
  });

  timed(times, 'report', () => {
    if (command.format === 'json') out(formatJson(results));
    else if (command.format === 'sarif') out(formatSarif(results, { rules: allRules, version, informationUri: homepage, cwd, failures }));
    else {
      out(formatText(results, cwd));
      err(summary(results, new Set(failures.map((f) => f.path)).size));
    }
  });
  if (times) {
    const cpu = process.cpuUsage(cpuAtStart);
    err(formatTimings({ jobs, files: files.length, wallMs: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000, phasesMs: times }));
  }
  if (failures.length > 0) return 2;
  const found = results.some((r) => r.findings.length > 0);
  return found && !command.exitZero ? 1 : 0;
}

export async function run(argv: readonly string[], cwd = process.cwd()): Promise<number> {
  const command = parseCommandLine(argv);
  switch (command.kind) {
    case 'help':
      out(HELP);
      return 0;
    case 'version':
      out(`pyinsight ${version}\n`);
      return 0;
    case 'usage-error':
      err(`pyinsight: error: ${command.message}\n\n${HELP.slice(HELP.indexOf('Usage:'), HELP.indexOf('\n\n', HELP.indexOf('Usage:')))}\nRun \`pyinsight --help\` for the options.\n`);
      return 2;
    case 'check':
      return check(command, cwd);
    case 'explain': {
      const explanation = explainAt(await loadPythonGrammar(), command.path, command.row, command.column, command.level, cwd);
      if ('markdown' in explanation) out(`${explanation.markdown}\n`);
      else err(`pyinsight: ${'error' in explanation ? `error: ${explanation.error}` : explanation.nothing}\n`);
      return 'markdown' in explanation ? 0 : 'error' in explanation ? 2 : 1;
    }
  }
}

function fail(error: unknown): void {
  err(`pyinsight: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 2;
}

// dist/cli.js is also the script of the check workers (pool.ts): the same bundle, entered on a worker thread.
if (isMainThread) {
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, fail);
} else {
  // An exception here ends the worker with an 'error' event; the pool reports the file it was on.
  void runCheckWorker(workerData as WorkerInput);
}
