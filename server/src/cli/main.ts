// `pyinsight check`: the entry point of dist/cli.js. Parses arguments, runs the checker file by file, prints, and
// sets the exit code: 0 clean, 1 findings (0 with --exit-zero), 2 usage error, unreadable file or internal error.
// process.exitCode rather than process.exit(): a large report written to a pipe must drain before Node exits.
import { homepage, version } from '../../../package.json';
import { loadPythonGrammar } from '../parsing/treeSitter';
import { HELP, parseCommandLine, type Command } from './args';
import { createChecker } from './check';
import { explainAt } from './explain';
import type { FileResult } from './findings';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { formatText, summary } from './formatText';
import { displayPath } from './paths';
import { unknownCodes } from './selection';
import { collectFiles } from './walk';

const out = (text: string) => void process.stdout.write(text);
const err = (text: string) => void process.stderr.write(text);

async function check(command: Extract<Command, { kind: 'check' }>, cwd: string): Promise<number> {
  const checker = createChecker(await loadPythonGrammar(), command.selection);
  for (const code of unknownCodes(command.selection, checker.service.rules)) err(`warning: '${code}' matches no pyinsight rule\n`);
  const { files, problems } = collectFiles(command.paths, cwd);
  const failures = problems.map((p) => ({ path: p.path, message: p.message }));
  for (const p of problems) err(`${displayPath(p.path, cwd)}: error: ${p.message}\n`);
  if (files.length === 0 && problems.length === 0) err('warning: No Python files found under the given path(s)\n');
  const warnedConfigs = new Set<string>();
  const results: FileResult[] = [];
  try {
    for (const file of files) {
      const result = checker.checkFile(file);
      if (result.config && result.config.errors.length > 0 && !warnedConfigs.has(result.config.path)) {
        warnedConfigs.add(result.config.path);
        for (const message of result.config.errors) err(`warning: ${message}\n`);
      }
      for (const message of result.errors) {
        err(`${displayPath(file, cwd)}: error: ${message}\n`);
        failures.push({ path: file, message });
      }
      results.push(result);
    }
  } finally {
    checker.dispose();
  }

  if (command.format === 'json') out(formatJson(results));
  else if (command.format === 'sarif') out(formatSarif(results, { rules: checker.service.rules, version, informationUri: homepage, cwd, failures }));
  else {
    out(formatText(results, cwd));
    err(summary(results, new Set(failures.map((f) => f.path)).size));
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

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    err(`pyinsight: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
