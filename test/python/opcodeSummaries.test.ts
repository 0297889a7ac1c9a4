// Opcode explanations: every instruction of every installed CPython 3.8–3.13 has one, the names always come from
// the interpreter, and explanations follow the interpreter's version where the meaning changed.
import assert from 'node:assert/strict';
import { opcodeSummary } from '../../server/src/python/opcodeSummaries';
import { interpreterFor, interpreterOrSkip, runPython, usePythonService } from './interpreters';

describe('opcode explanations', function () {
  this.timeout(60000);
  const service = usePythonService();

  for (let minor = 8; minor <= 13; minor++) {
    it(`covers every generic opcode in Python 3.${minor}'s dis.opmap, and the view's whole table`, async function () {
      const python = interpreterOrSkip(this, minor);
      const opmap = JSON.parse(runPython(python.command, 'import dis, json; print(json.dumps(dis.opmap))')) as Record<string, number>;
      // Pseudo-instructions (numbered from 256) and instrumented forms get lines generated from their generic form.
      const generic = Object.entries(opmap).filter(([name, number]) => number < 256 && !name.startsWith('INSTRUMENTED_'));
      assert.ok(generic.length > 100);
      const missing = generic.filter(([name]) => !opcodeSummary(name, minor, 'real')).map(([name]) => name);
      assert.deepEqual(missing, [], `no explanation for ${missing.join(', ')}`);

      const docs = await service.opcodeDocs(python.command);
      assert.equal(docs.kind, 'ok', JSON.stringify(docs).slice(0, 300));
      if (docs.kind !== 'ok') return;
      assert.deepEqual(docs.opcodes.filter((d) => !d.summary).map((d) => d.opname), [], 'every row of the table is explained');
      const names = new Set(docs.opcodes.map((d) => d.opname));
      for (const name of Object.keys(opmap)) assert.ok(names.has(name), `${name} is listed`);
      for (const doc of docs.opcodes.filter((d) => d.specialises)) {
        assert.ok(names.has(doc.specialises!), `${doc.opname} belongs to a listed instruction`);
        assert.ok(docs.opcodes.find((d) => d.opname === doc.specialises)!.specialisations!.includes(doc.opname));
        assert.match(doc.summary!, new RegExp(doc.specialises!));
      }
      if (minor >= 11) assert.ok(docs.opcodes.some((d) => d.specialises), 'specialised forms (3.11+)');
    });
  }

  it('takes the names from the interpreter, never from a fixed table', async function () {
    const old = interpreterFor(8) ?? interpreterFor(9) ?? interpreterFor(10);
    const recent = interpreterFor(13) ?? interpreterFor(12) ?? interpreterFor(11);
    if (!old || !recent) this.skip();
    const names = async (command: string) => {
      const docs = await service.opcodeDocs(command);
      assert.equal(docs.kind, 'ok');
      return new Set(docs.kind === 'ok' ? docs.opcodes.map((d) => d.opname) : []);
    };
    const before = await names(old!.command);
    const after = await names(recent!.command);
    assert.ok(before.has('BINARY_ADD') && !before.has('BINARY_OP'));
    assert.ok(after.has('BINARY_OP') && !after.has('BINARY_ADD'));
  });

  it('explains an instruction as the interpreter\'s version means it', () => {
    assert.doesNotMatch(opcodeSummary('LOAD_METHOD', 10, 'real')!, /pseudo/i);
    assert.match(opcodeSummary('LOAD_METHOD', 12, 'pseudo')!, /pseudo-instruction.*LOAD_ATTR/);
    assert.match(opcodeSummary('LOAD_GLOBAL', 11, 'real')!, /NULL/);
    assert.doesNotMatch(opcodeSummary('LOAD_GLOBAL', 10, 'real')!, /NULL/);
    assert.match(opcodeSummary('MAKE_FUNCTION', 13, 'real')!, /SET_FUNCTION_ATTRIBUTE/);
    assert.match(opcodeSummary('JUMP', 12, 'pseudo')!, /JUMP_FORWARD or JUMP_BACKWARD/);
    assert.match(opcodeSummary('INSTRUMENTED_RETURN_VALUE', 12, 'instrumented')!, /sys\.monitoring.*RETURN_VALUE/);
    assert.match(opcodeSummary('LOAD_ATTR_SLOT', 12, 'specialised', 'LOAD_ATTR')!, /specialised form of LOAD_ATTR \(slot\)/);
    assert.match(opcodeSummary('LOAD_FAST__LOAD_CONST', 11, 'specialised', 'LOAD_FAST')!, /LOAD_FAST followed by LOAD_CONST/);
    assert.equal(opcodeSummary('NO_SUCH_OPCODE', 12, 'real'), undefined);
  });
});
