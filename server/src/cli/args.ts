// Command-line parsing with node:util parseArgs (no dependency). Returns either what to do or a usage error.
import { parseArgs } from 'node:util';
import type { HoverLevel } from '../service/config';
import { parseSelection, type CliSelection } from './selection';

/** Each worker holds its own WASM heap (tens of MB); more threads than this only cost memory. */
export const MAX_JOBS = 256;

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | {
      readonly kind: 'check';
      readonly paths: readonly string[];
      readonly format: OutputFormat;
      readonly selection: CliSelection;
      readonly exitZero: boolean;
      /** Worker threads; undefined: chosen from the number of files and cores. 1: in this thread. */
      readonly jobs?: number;
      /** Hidden flag: per-phase timings on stderr, for bench/throughput.ts. */
      readonly timings: boolean;
    }
  | { readonly kind: 'explain'; readonly path: string; readonly row: number; readonly column: number; readonly level: HoverLevel }
  | { readonly kind: 'usage-error'; readonly message: string };

export const HELP = `pyinsight: flags CPython-internals pitfalls in Python code.

Usage:
  pyinsight check [PATHS...] [options]
  pyinsight explain FILE:LINE:COL [--level concise|detailed]

Checks *.py and *.pyi files under each folder in PATHS (default: the current folder), and every file named
explicitly. Folders Ruff excludes by default (.git, .venv, venv, node_modules, site-packages, dist, caches...) and
any virtualenv (a folder holding pyvenv.cfg) are skipped. Each file uses the [tool.pyinsight] table of the nearest
pyproject.toml above it that has one.

Options:
  --format text|json|sarif  Output format (default: text). json matches \`ruff check --output-format json\`;
                            sarif is SARIF 2.1.0.
  --select CODES            Rule codes or prefixes to check (PIN, PIN5, PIN501, ALL), comma-separated,
                            repeatable. Replaces the selection of pyproject.toml.
  --ignore CODES            Rule codes or prefixes to skip, comma-separated, repeatable.
  --exit-zero               Exit with 0 even when problems are found.
  --jobs N                  Check files on N threads (default: one per core for large runs, 1 for small ones).
                            The output is the same whatever N is.
  --level concise|detailed  For explain: how much to show (default: concise).
  -h, --help                Show this help.
  -V, --version             Show the version.

Exit status: 0 no problems, 1 problems found, 2 usage error, unreadable file or internal error.

\`explain\` prints, as Markdown, what hovering that position in an editor shows: the rule explanation of a finding
there, computed facts (mangled names, MRO, scopes, folded constants...) and the internals topic. LINE and COL are
1-based, COL in characters, as \`check\` prints them. Exit status: 0 explained, 1 nothing to explain there, 2 error.
`;

export function parseCommandLine(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        select: { type: 'string', multiple: true },
        ignore: { type: 'string', multiple: true },
        'exit-zero': { type: 'boolean' },
        jobs: { type: 'string', short: 'j' },
        timings: { type: 'boolean' },
        level: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'V' },
      },
    });
  } catch (error) {
    return { kind: 'usage-error', message: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, ...paths] = positionals;
  if (command === undefined) return { kind: 'usage-error', message: 'missing command (try `pyinsight check .`)' };
  if (command === 'explain') return explainCommand(paths, values.level);
  if (command !== 'check') return { kind: 'usage-error', message: `unknown command '${command}' (the commands are \`check\` and \`explain\`)` };
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    return { kind: 'usage-error', message: `--format must be one of ${FORMATS.join(', ')} (not '${format}')` };
  }
  const { selection, errors } = parseSelection(values.select, values.ignore);
  if (errors.length > 0) return { kind: 'usage-error', message: errors.join('; ') };
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    if (!/^\d+$/.test(values.jobs) || Number(values.jobs) < 1 || Number(values.jobs) > MAX_JOBS) {
      return { kind: 'usage-error', message: `--jobs takes a whole number from 1 to ${MAX_JOBS} (not '${values.jobs}')` };
    }
    jobs = Number(values.jobs);
  }
  return {
    kind: 'check',
    paths: paths.length > 0 ? paths : ['.'],
    format: format as OutputFormat,
    selection,
    exitZero: values['exit-zero'] ?? false,
    jobs,
    timings: values.timings ?? false,
  };
}

function explainCommand(args: readonly string[], level = 'concise'): Command {
  const location = args.length === 1 ? /^(.+):(\d+):(\d+)$/.exec(args[0]) : null;
  if (!location) return { kind: 'usage-error', message: 'explain takes one FILE:LINE:COL (for example `pyinsight explain app.py:12:5`)' };
  if (level !== 'concise' && level !== 'detailed') return { kind: 'usage-error', message: `--level must be concise or detailed (not '${level}')` };
  return { kind: 'explain', path: location[1], row: Number(location[2]), column: Number(location[3]), level };
}
