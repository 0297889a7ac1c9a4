import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainGuardTest, runsOnImport, underMainGuard } from '../../server/src/service/analysis/mainGuard';
import { mergeSettings } from '../../server/src/service/config';
import { neverCancelled } from '../../server/src/service/types';
import { analyze, assertCarets, findings, fixed, getService, py, sourceFile } from '../helpers/service';

const FIXTURES = join(__dirname, '..', 'fixtures');

/** CPython's verdict on the text: compiled only, never run. */
function compiles(source: string): boolean {
  const script = 'import sys\ntry:\n    compile(sys.stdin.read(), "<fixed>", "exec")\n    print("ok")\nexcept SyntaxError as e:\n    print(e)';
  return execFileSync('python3', ['-c', script], { input: source, encoding: 'utf8' }).trim() === 'ok';
}

describe('PIN101 process-start-without-main-guard', () => {
  it('reports the caret-marked process starts of the fixture', async () => {
    await assertCarets(readFileSync(join(FIXTURES, 'pin101.py'), 'utf8'), 'PIN101');
  });

  it('stays quiet on near misses: star imports, other libraries, shadowed names, defs, classes, guarded code', async () => {
    assert.deepEqual(await findings(readFileSync(join(FIXTURES, 'pin101_negatives.py'), 'utf8'), 'PIN101'), []);
  });

  it('reports statements at column 0 and every import form', async () => {
    const text = py`
      import multiprocessing as mp
      from multiprocessing import Pool as P
      from concurrent.futures import ProcessPoolExecutor as PPE
      mp.set_start_method("spawn")
      P()
      PPE()
      mp.Manager()
    `;
    assert.deepEqual(await findings(text, 'PIN101'), ['3:0-28 PIN101', '4:0-3 PIN101', '5:0-5 PIN101', '6:0-12 PIN101']);
  });

  it('follows a subclass of Process defined in the file', async () => {
    const text = py`
      import multiprocessing as mp

      class Worker(mp.Process):
          pass

      Worker().start()
      w = Worker()
      w.start()
    `;
    assert.deepEqual(await findings(text, 'PIN101'), ['5:0-16 PIN101', '7:0-9 PIN101']);
  });

  it('wraps from the first offending statement to the end of its run, with the file indent unit', async () => {
    const before = py`
      import multiprocessing as mp

      def work(x):
          return x * 2

      data = list(range(10))
      with mp.Pool(4) as pool:
          print(pool.map(work, data))
      print("done")

      def later():
          pass
    `;
    assert.equal(await fixed(before, 'PIN101'), py`
      import multiprocessing as mp

      def work(x):
          return x * 2

      data = list(range(10))
      if __name__ == "__main__":
          with mp.Pool(4) as pool:
              print(pool.map(work, data))
          print("done")

      def later():
          pass
    `);
  });

  it('gives every finding of a run the same fix, and leaves multi-line string contents alone', async () => {
    const head = 'import multiprocessing as mp\n\ndef f():\n  pass\n\np = mp.Process(target=f)\n';
    const before = `${head}p.start()\nHELP = """\nline\n"""\nm = mp.Manager()\n`;
    const after = `${head}if __name__ == "__main__":\n  p.start()\n  HELP = """\nline\n"""\n  m = mp.Manager()\n`;
    assert.equal((await findings(before, 'PIN101')).length, 2);
    assert.equal(await fixed(before, 'PIN101', 0), after);
    assert.equal(await fixed(before, 'PIN101', 1), after);
    assert.ok(compiles(after));
  });

  it('keeps CRLF line endings and tab indentation', async () => {
    const before = 'import multiprocessing as mp\r\nif True:\r\n\tpass\r\nmp.Pool()\r\n';
    const after = await fixed(before, 'PIN101');
    assert.equal(after, 'import multiprocessing as mp\r\nif True:\r\n\tpass\r\nif __name__ == "__main__":\r\n\tmp.Pool()\r\n');
    assert.ok(compiles(after));
  });

  it('offers no fix when the statement shares its line with earlier code', async () => {
    const [finding] = await analyze('import multiprocessing as mp; mp.Pool()\n', { select: ['PIN101'] });
    assert.equal(finding.rule.code, 'PIN101');
    assert.equal(finding.fix, undefined);
  });

  it('is a warning with an unsafe fix, and explains spawn with the target version', async () => {
    const text = 'import multiprocessing as mp\nmp.Pool()\n';
    const [old] = await analyze(text, { select: ['PIN101'] });
    assert.equal(old.severity, 'warning');
    assert.equal(old.fix?.safety, 'unsafe');
    assert.match(old.message, /spawn start method \(the default on Windows and macOS\)/);
    assert.match(old.message, /On Linux the default for target Python 3\.11 is fork, .*from Python 3\.14 it is forkserver/);
    const [recent] = await analyze(text, { select: ['PIN101'], targetVersion: { major: 3, minor: 14 } });
    assert.match(recent.message, /spawn and forkserver start methods .*on Linux from Python 3\.14; target 3\.14/);
    assert.doesNotMatch(recent.message, /is fork/);
  });

  it('is suppressed by # noqa and # noqa: PIN101 only', async () => {
    for (const comment of ['# noqa', '# noqa: PIN101', '# NOQA: E501, PIN101']) {
      assert.deepEqual(await findings(`import multiprocessing as mp\nmp.Pool()  ${comment}\n`, 'PIN101'), [], comment);
    }
    assert.equal((await findings('import multiprocessing as mp\nmp.Pool()  # noqa: PIN102\n', 'PIN101')).length, 1);
  });

  it('stays quiet where no child re-imports the module: fork contexts, after picking fork on import, force=True', async () => {
    const forked = py`
      import multiprocessing as mp
      from concurrent.futures import ProcessPoolExecutor
      ctx = mp.get_context("fork")
      ctx.Pool(2)
      mp.get_context(method="fork").Manager()
      ProcessPoolExecutor(mp_context=ctx)
      p = ctx.Process(target=print)
      p.start()
      mp.set_start_method("spawn", force=True)
      mp.set_start_method("forkserver", True)
    `;
    assert.deepEqual(await findings(forked, 'PIN101'), []);
    const spawned = 'import multiprocessing as mp\nctx = mp.get_context("spawn")\nctx.Pool(2)\nmp.set_start_method("spawn", force=False)\n';
    assert.deepEqual(await findings(spawned, 'PIN101'), ['2:0-11 PIN101', '3:0-41 PIN101']);
    // Only starts after a fork choice that runs on import are forked; one under the main guard comes too late.
    const fork = py`
      import multiprocessing as mp
      early = mp.Pool(1)
      mp.set_start_method("fork")
      with mp.Pool(2) as pool:
          pool.map(abs, [1])
      if __name__ == "__main__":
          mp.set_start_method("fork", force=False)
    `;
    assert.deepEqual(await findings(fork, 'PIN101'), ['1:8-18 PIN101']);
    const guarded = 'import multiprocessing as mp\nmp.Pool(2)\nif __name__ == "__main__":\n    mp.set_start_method("fork")\n';
    assert.deepEqual(await findings(guarded, 'PIN101'), ['1:0-10 PIN101']);
  });

  it("stays quiet in a package's __main__.py, which spawned children never re-import", async () => {
    const file = await sourceFile('import multiprocessing as mp\nmp.Pool(2)\n');
    try {
      const run = async (uri: string) => (await getService()).analyze({ ...file, uri }, mergeSettings({ select: ['PIN101'] }), neverCancelled);
      assert.deepEqual(await run('file:///proj/pkg/__main__.py'), []);
      assert.equal((await run('file:///proj/pkg/not__main__.py')).length, 1);
    } finally {
      (await getService()).forget('file:///proj/pkg/__main__.py');
      (await getService()).forget('file:///proj/pkg/not__main__.py');
      file.dispose();
    }
  });

  it('treats every spelling of the main guard as a guard', async () => {
    for (const test of ['__name__ == "__main__"', "'__main__' == __name__", '(__name__ == "__main__")', '__name__ == "__main__" and not DEBUG']) {
      assert.deepEqual(await findings(`import multiprocessing as mp\nif ${test}:\n    mp.Pool()\n`, 'PIN101'), [], test);
    }
    for (const test of ['__name__ != "__main__"', '__name__ == "__main__" or DEBUG', '__name__ == f"__main__"', 'name == "__main__"']) {
      assert.equal((await findings(`import multiprocessing as mp\nif ${test}:\n    mp.Pool()\n`, 'PIN101')).length, 1, test);
    }
    assert.equal((await findings('import multiprocessing as mp\nif __name__ == "__main__":\n    pass\nelse:\n    mp.Pool()\n', 'PIN101')).length, 1, 'else branch runs on import');
  });

  it('mainGuard helpers answer from parent links', async () => {
    const file = await sourceFile('if x:\n    pass\nelif "__main__" == __name__:\n    a = 1\n    def f():\n        b = 2\nc = 3\n');
    try {
      const root = file.tree.rootNode;
      const at = (text: string) => root.descendantForIndex(file.document.getText().indexOf(text))!;
      let comparison = at('"__main__" ==');
      while (comparison.type !== 'comparison_operator') comparison = comparison.parent!;
      assert.ok(isMainGuardTest(comparison));
      assert.ok(!isMainGuardTest(at('x:')));
      assert.ok(underMainGuard(at('a = 1')));
      assert.ok(!runsOnImport(at('a = 1')));
      assert.ok(!runsOnImport(at('b = 2')));
      assert.ok(runsOnImport(at('c = 3')));
      assert.ok(!underMainGuard(at('pass')));
    } finally {
      file.dispose();
    }
  });

  it('fixtures are valid Python', () => {
    for (const name of ['pin101.py', 'pin101_negatives.py']) assert.ok(compiles(readFileSync(join(FIXTURES, name), 'utf8')), name);
  });
});
