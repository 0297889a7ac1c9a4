// One reporter for every mocha run of the e2e suite (in the extension host and in Node): a line per test, the error
// of each failure, and the `N passed, N failed` summary CI greps. Mocha's own reporters print through printf-style
// placeholders that the extension host's console forwarding leaves unexpanded, so we format the lines ourselves.
import type MochaType from 'mocha';

export interface RunSummary {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly failures: readonly string[];
}

export function summaryLine(label: string, summary: RunSummary): string {
  return `${label}: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`;
}

/** Mocha as `import('mocha')` gives it: mocha 12 is ESM-only, and its default export is the Mocha class. */
export async function importMocha(): Promise<typeof MochaType> {
  const imported = (await import('mocha')) as unknown as { default?: typeof MochaType } & typeof MochaType;
  return imported.default ?? imported;
}

/** A reporter class (built on the given mocha's Base) writing through `write`, handing the summary to `onEnd`. */
export function lineReporter(
  Mocha: typeof MochaType,
  label: string,
  write: (line: string) => void,
  onEnd: (summary: RunSummary) => void,
): MochaType.ReporterConstructor {
  return class LineReporter extends Mocha.reporters.Base {
    constructor(runner: MochaType.Runner, options?: MochaType.MochaOptions) {
      super(runner, options);
      let passed = 0;
      let skipped = 0;
      const failures: string[] = [];
      runner.on('pass', (test) => {
        passed++;
        write(`  ✓ ${test.fullTitle()}`);
      });
      runner.on('pending', (test) => {
        skipped++;
        write(`  - ${test.fullTitle()} (skipped)`);
      });
      // Hooks that fail come here too, so a broken before() counts as a failure rather than as nothing run.
      runner.on('fail', (test, error: unknown) => {
        const detail = error instanceof Error ? error.stack ?? error.message : String(error);
        failures.push(`${test.fullTitle()}\n${detail}`);
        write(`  ✗ ${test.fullTitle()}\n${detail.replace(/^/gm, '      ')}`);
      });
      runner.once('end', () => {
        const summary = { passed, failed: failures.length, skipped, failures };
        write(summaryLine(label, summary));
        onEnd(summary);
      });
    }
  };
}

/** A mocha for one e2e runner: BDD, no colours, the line reporter labelled `label`, PYINSIGHT_E2E_GREP as its grep. */
export function e2eMocha(
  Mocha: typeof MochaType,
  label: string,
  write: (line: string) => void,
  onEnd: (summary: RunSummary) => void,
  options: Pick<MochaType.MochaOptions, 'timeout' | 'rootHooks'>,
): MochaType {
  return new Mocha({
    ui: 'bdd',
    color: false,
    reporter: lineReporter(Mocha, label, write, onEnd),
    grep: process.env.PYINSIGHT_E2E_GREP || undefined,
    ...options,
  });
}
