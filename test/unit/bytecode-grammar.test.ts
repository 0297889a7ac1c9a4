// The python-bytecode TextMate grammar against real `dis` text from this machine's python3 (compile only).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Grammar {
  repository: Record<string, { match?: string; patterns?: Array<{ match: string }> }>;
}

const grammar = JSON.parse(readFileSync(join(__dirname, '..', '..', 'syntaxes', 'python-bytecode.tmLanguage.json'), 'utf8')) as Grammar;
const instruction = new RegExp(grammar.repository.instruction.match!);
const header = new RegExp(grammar.repository.header.match!);

const SCRIPT = `
import dis, io, json
src = '''
def f(xs):
    total = 0
    for x in xs:
        try:
            total += x
        except TypeError:
            pass
    return [y * 2 for y in xs if y is not None]
'''
code = compile(src, "<fixture>", "exec")
out = io.StringIO()
dis.dis(code, file=out)
ops = []
def walk(co):
    ops.extend(i.opname for i in dis.get_instructions(co))
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            walk(c)
walk(code)
print(json.dumps({"text": out.getvalue(), "ops": ops}))
`;

describe('python-bytecode grammar', () => {
  it("matches every instruction line of this interpreter's dis output and captures the opname", () => {
    const { text, ops } = JSON.parse(execFileSync('python3', ['-c', SCRIPT], { encoding: 'utf8' })) as { text: string; ops: string[] };
    const seen: string[] = [];
    for (const line of text.split('\n')) {
      if (!/[A-Z]{3,}/.test(line) || header.test(line) || /^ExceptionTable:/.test(line)) continue;
      const match = instruction.exec(line);
      assert.ok(match, `instruction line not matched: ${JSON.stringify(line)}`);
      seen.push(match[4]);
    }
    assert.deepEqual(seen, ops.filter((op) => op !== 'CACHE'));
    assert.ok(text.split('\n').some((line) => header.test(line)), 'code-object headers are matched');
  });
});
