// pyinsight/opcodeDocs: the interpreter's own opcode table (names, numbers, argument kinds, specialisations) with
// our explanation attached where we have one.
import type { OpcodeDoc, OpcodeDocsResult } from '../protocol';
import type { HelperAnswer } from './helperProcess';
import { opcodeSummary, type OpcodeCategory } from './opcodeSummaries';
import { asArray, asBoolean, asNumber, asOptionalString, asString, WireError } from './wire';

const CATEGORIES: readonly OpcodeCategory[] = ['real', 'pseudo', 'instrumented', 'specialised'];

/** The minor version of "3.12.1" (12); a Python 4 would read as a very new 3.x. */
export function minorVersion(version: string): number {
  const [major, minor] = version.split('.').map(Number);
  if (major > 3) return 99;
  return Number.isFinite(minor) ? minor : 0;
}

export function opcodeDocsResult(answer: HelperAnswer): OpcodeDocsResult {
  if (answer.kind === 'unavailable') return answer;
  const { interpreter } = answer;
  if (answer.kind === 'error') {
    return { kind: 'unavailable', reason: 'crashed', message: `The Python helper failed: ${String(answer.error.message ?? answer.error.kind)}`, interpreter };
  }
  try {
    const minor = minorVersion(interpreter.version);
    const rows = asArray(answer.value.opcodes, 'opcodes').map((raw) => {
      const [opname, opcode, hasArgument, argumentKind, generic, category] = asArray(raw, 'opcode');
      const kind = asString(category, 'category');
      if (!CATEGORIES.includes(kind as OpcodeCategory)) throw new WireError(`unknown opcode category ${kind}`);
      return {
        opname: asString(opname, 'opname'),
        opcode: asNumber(opcode, 'opcode'),
        hasArgument: asBoolean(hasArgument, 'hasArgument'),
        argumentKind: asOptionalString(argumentKind, 'argumentKind'),
        generic: asOptionalString(generic, 'generic'),
        category: kind as OpcodeCategory,
      };
    });
    const specialisations = new Map<string, string[]>();
    for (const row of rows) if (row.generic) specialisations.set(row.generic, [...(specialisations.get(row.generic) ?? []), row.opname]);
    const opcodes = rows.map((row): OpcodeDoc => {
      const summary = opcodeSummary(row.opname, minor, row.category, row.generic ?? undefined);
      const forms = specialisations.get(row.opname);
      return {
        opname: row.opname,
        opcode: row.opcode,
        hasArgument: row.hasArgument,
        ...(row.argumentKind ? { argumentKind: row.argumentKind } : {}),
        ...(summary ? { summary } : {}),
        ...(forms ? { specialisations: forms } : {}),
        ...(row.generic ? { specialises: row.generic } : {}),
      };
    });
    return { kind: 'ok', interpreter, opcodes };
  } catch (error) {
    return { kind: 'unavailable', reason: 'crashed', message: `The Python helper's opcode table could not be read (${String(error)}).`, interpreter };
  }
}
