// The python-bytecode TextMate grammar's line rules against real `dis` text (compile only) from every interpreter on
// this machine: each instruction line is recognised, and its opname, line number and offset (or 3.13's label) land
// in the right capture — the line-number/offset split is the part that differs between versions.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Rule {
  match?: string;
  patterns?: Rule[];
}

const grammar = JSON.parse(readFileSync(join(__dirname, '..', '..', 'syntaxes', 'python-bytecode.tmLanguage.json'), 'utf8')) as { repository: Record<string, Rule> };
const instruction = new RegExp(grammar.repository.instruction.match!);
const headers = grammar.repository.header.patterns!.map((rule) => new RegExp(rule.match!));
const tableLines = grammar.repository.exceptionTable.patterns!.map((rule) => new RegExp(rule.match!));
const label = new RegExp(grammar.repository.label.match!);
const GROUP = { line: 1, target: 3, offset: 4, opname: 5 } as const;

const SCRIPT = `
import dis, io, json, sys
src = '''
def f(xs):
    total = 0
    for x in xs:
        try:
            total += x
        except TypeError:
            pass
    return [y * 2 for y in xs if y is not None]

class C:
    def m(self):
        with open(self) as h:
            return h.read()
'''
code = compile(src, "<fixture>", "exec")
out = io.StringIO()
dis.dis(code, file=out)
ops = []
def walk(co):
    for i in dis.get_instructions(co):
        if i.opname == 'CACHE':
            continue
        if sys.version_info >= (3, 13):
            line = (str(i.line_number) if i.line_number is not None else '--') if i.starts_line else None
        else:
            line = None if i.starts_line is None else str(i.starts_line)
        ops.append({"opname": i.opname, "offset": i.offset, "line": line})
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            walk(c)
walk(code)
print(json.dumps({"text": out.getvalue(), "ops": ops, "labels": sys.version_info >= (3, 13)}))
`;

interface Op {
  opname: string;
  offset: number;
  line: string | null;
}

const PYENV = '/root/.pyenv/versions';
const interpreters = [
  'python3',
  ...['3.8.18', '3.9.18', '3.10.13', '3.12.1', '3.13.0'].map((v) => join(PYENV, v, 'bin', 'python3')),
];

describe('python-bytecode grammar on real dis text', () => {
  for (const python of interpreters) {
    it(`recognises every instruction line of ${python} with its line number, offset and opname`, function () {
      if (python !== 'python3' && !existsSync(python)) this.skip(); // that interpreter is not installed here
      const { text, ops, labels } = JSON.parse(execFileSync(python, ['-c', SCRIPT], { encoding: 'utf8' })) as { text: string; ops: Op[]; labels: boolean };
      const rows: RegExpExecArray[] = [];
      let headerCount = 0;
      for (const line of text.split('\n')) {
        if (headers.some((h) => h.test(line))) {
          headerCount++;
          continue;
        }
        // Every other non-blank line of dis's output is an instruction and must be recognised as one.
        if (!line.trim() || tableLines.some((t) => t.test(line)) || label.test(line)) continue;
        const match = instruction.exec(line);
        assert.ok(match, `instruction line not matched: ${JSON.stringify(line)}`);
        rows.push(match);
      }
      assert.deepEqual(rows.map((m) => m[GROUP.opname]), ops.map((op) => op.opname));
      assert.deepEqual(rows.map((m) => m[GROUP.line] ?? null), ops.map((op) => op.line), 'line numbers captured as line numbers, and only there');
      if (labels) {
        // 3.13 prints labels (jump and exception-handler targets) instead of offsets.
        assert.deepEqual(rows.map((m) => m[GROUP.offset]), rows.map((m) => /\bL\d+:/.exec(m[0])?.[0]));
      } else {
        assert.deepEqual(rows.map((m) => Number(m[GROUP.offset])), ops.map((op) => op.offset), 'offsets captured as offsets');
      }
      // dis also marks exception-handler targets with >>, which get_instructions does not report: compare with the text.
      assert.deepEqual(rows.map((m) => m[GROUP.target] === '>>'), rows.map((m) => m[0].includes('>>')));
      assert.ok(headerCount >= 3, 'the code-object headers (f, the comprehension or C, m) are matched');
    });
  }
});
