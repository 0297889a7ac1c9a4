// Every quick fix the service offers, on every rule fixture and documentation example and on a few hundred
// standard-library files: applying it (and applying fix-all) must leave code that CPython still parses. One python3
// process checks all the texts of a test with ast.parse, which compiles nothing and runs nothing.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { decodeSource } from '../../server/src/cli/decode';
import { breakingFixes, fixedTexts, type FixedText } from '../helpers/fixes';
import { getService } from '../helpers/service';
import { stdlibRoot, stdlibSample } from '../helpers/stdlib';

const FIXTURES = join(__dirname, '..', 'fixtures');

// PIN202 offers its fix only when the module has exactly one lock, which neither its fixture nor its example has.
const PIN202_WITH_LOCK = 'import threading\n\ntotal = 0\ntotal_lock = threading.Lock()\n\ndef work(chunk):\n    global total\n    for item in chunk:\n        total += len(\n            item,\n        )\n\nworkers = [threading.Thread(target=work, args=(c,)) for c in (["a"], ["b"])]\n';

describe('quick fixes keep the code parsable', function () {
  this.timeout(300_000);

  it('for every fix on every rule fixture and documentation example', async () => {
    const service = await getService();
    const originals: string[] = [];
    const found: FixedText[] = [];
    for (const name of readdirSync(FIXTURES).filter((f) => /^pin\d{3}.*\.py$/.test(f)).sort()) {
      found.push(...(await fixedTexts(service, name, readFileSync(join(FIXTURES, name), 'utf8'), originals)));
    }
    for (const rule of service.rules) found.push(...(await fixedTexts(service, `${rule.code} example`, rule.docs.example, originals)));
    found.push(...(await fixedTexts(service, 'PIN202 with a lock', PIN202_WITH_LOCK, originals)));
    const exercised = new Set(found.map((c) => c.code));
    const fixable = service.rules.filter((r) => r.fixSafety !== 'none').map((r) => r.code);
    assert.deepEqual(fixable.filter((code) => !exercised.has(code)), [], 'rules whose fix nothing here exercises');
    assert.deepEqual(breakingFixes(originals, found).broken, []);
  });

  it('for every fix on a sample of the standard library, lib2to3 and the broken test files included', async function () {
    const root = stdlibRoot();
    if (!root) this.skip();
    const service = await getService();
    const originals: string[] = [];
    const found: FixedText[] = [];
    for (const path of stdlibSample(root!)) {
      const decoded = decodeSource(readFileSync(path));
      if ('text' in decoded) found.push(...(await fixedTexts(service, relative(root!, path), decoded.text, originals)));
    }
    assert.ok(found.length >= 20, `only ${found.length} fixes in the sample`);
    const { broken, unparsableOriginals } = breakingFixes(originals, found);
    assert.deepEqual(broken, []);
    // The checker does tell broken code apart: the Python 2 and badsyntax files of the sample do not parse.
    assert.ok(unparsableOriginals >= 3, `${unparsableOriginals} unparsable originals`);
  });
});
