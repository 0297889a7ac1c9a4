// The short `npm run sweep`: a few hundred standard-library files (lib2to3's Python 2 files, the badsyntax_*/bad_coding*
// files and tokenizer data among them) through the CLI and through the server, without a single exception; and the
// two agree on what they find.
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { sweepCli, sweepServer } from '../../bench/sweep';
import { stdlibRoot, stdlibSample } from '../helpers/stdlib';

describe('sweep of a standard-library sample', function () {
  this.timeout(600_000);

  it('goes through the CLI and the server with no error, and both report the same findings', async function () {
    const root = stdlibRoot();
    if (!root) this.skip();
    const files = stdlibSample(root!);
    assert.ok(files.length >= 250, `${files.length} files`);
    assert.ok(files.some((f) => f.includes('lib2to3')) && files.some((f) => /badsyntax_|bad_coding/.test(f)));

    const cli = sweepCli(files);
    assert.deepEqual(cli.errors, []);
    const server = await sweepServer(files);
    assert.deepEqual(server.errors, []);
    assert.equal(server.files, files.length);
    assert.ok(cli.findings > 0);
    // Each file the CLI could decode and the server analysed has the same number of findings in both.
    const declined = new Set(server.notes.map((note) => /pyinsight: (\S+\.py) /.exec(note)?.[1]));
    const undecodable = new Set(cli.notes.map((note) => note.slice(0, note.indexOf(': error: '))));
    const disagree = files.filter((f) => !declined.has(basename(f)) && ![...undecodable].some((u) => f.endsWith(u)) && (cli.perFile.get(f) ?? 0) !== server.perFile.get(f));
    assert.deepEqual(disagree.map((f) => `${f}: CLI ${cli.perFile.get(f) ?? 0}, server ${server.perFile.get(f)}`), []);
  });
});
