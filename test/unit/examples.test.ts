// Each file in examples/ lists, in its docstring, the rules it demonstrates: exactly those must fire on it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../helpers/service';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

describe('examples/', () => {
  for (const name of readdirSync(EXAMPLES).filter((f) => f.endsWith('.py'))) {
    it(`${name} triggers exactly the rules its docstring lists`, async () => {
      const text = readFileSync(join(EXAMPLES, name), 'utf8');
      const docstring = /^"""([\s\S]*?)"""/.exec(text)?.[1] ?? '';
      const listed = [...new Set(docstring.match(/PIN\d{3}/g) ?? [])].sort();
      const found = [...new Set((await analyze(text)).map((d) => d.rule.code))].sort();
      assert.ok(listed.length > 0, `${name} should say which rules it shows`);
      assert.deepEqual(found, listed);
    });
  }
});
