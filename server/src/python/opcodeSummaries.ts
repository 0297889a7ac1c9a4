// Opcode explanations for hovers and the bytecode view. The opcode NAMES always come from the interpreter (its
// dis.opmap and opcode module); this module only attaches our own explanation to a name it knows, choosing the
// variant for that interpreter's version. Specialised and instrumented forms get a line generated from their
// generic instruction, so a new specialisation in a future CPython is still explained.
import { currentSummaries, type SummaryEntry } from './opcodeText';
import { legacySummaries } from './opcodeTextLegacy';

/** How the interpreter classifies the opcode (see helper.py's `opcodes`). */
export type OpcodeCategory = 'real' | 'pseudo' | 'instrumented' | 'specialised';

const summaries: Readonly<Record<string, SummaryEntry>> = { ...legacySummaries, ...currentSummaries };

/** Pseudo-instructions of 3.12+ that have no entry of their own: what the compiler turns them into. */
const pseudoTargets: Readonly<Record<string, string>> = {
  JUMP: 'JUMP_FORWARD or JUMP_BACKWARD',
  JUMP_NO_INTERRUPT: 'JUMP_FORWARD or JUMP_BACKWARD_NO_INTERRUPT',
  LOAD_SUPER_METHOD: 'LOAD_SUPER_ATTR with its method flag set',
  LOAD_ZERO_SUPER_ATTR: 'LOAD_SUPER_ATTR for a zero-argument `super()`',
  LOAD_ZERO_SUPER_METHOD: 'LOAD_SUPER_ATTR for a method of a zero-argument `super()`',
};

/** Instrumented forms whose generic instruction is not in the name. */
const instrumentedOwn: Readonly<Record<string, string>> = {
  INSTRUMENTED_LINE: 'Put in place by `sys.monitoring` where a LINE event is wanted: reports the event, then runs the instruction it stands in for.',
  INSTRUMENTED_INSTRUCTION: 'Put in place by `sys.monitoring` where an INSTRUCTION event is wanted: reports the event, then runs the instruction it stands in for.',
};

function pick(entry: SummaryEntry | undefined, minor: number): string | undefined {
  if (entry === undefined || typeof entry === 'string') return entry;
  const fits = entry.find((v) => (v.from === undefined || minor >= v.from) && (v.until === undefined || minor <= v.until));
  // A version between two variants (e.g. 3.11 for an op that was real until 3.10 and pseudo from 3.12): the nearest.
  return (fits ?? entry.find((v) => v.until !== undefined && minor <= v.until) ?? entry[entry.length - 1]).text;
}

/** Words for a specialisation suffix: `LOAD_ATTR_INSTANCE_VALUE` of `LOAD_ATTR` → "instance value". */
function suffixWords(name: string, generic: string): string {
  const suffix = name.startsWith(`${generic}_`) ? name.slice(generic.length + 1) : name;
  return suffix.toLowerCase().replace(/_/g, ' ');
}

function specialised(name: string, generic: string, minor: number): string {
  const base = pick(summaries[generic], minor);
  const tail = base ? ` ${generic}: ${base}` : '';
  const fused = name.split('__');
  if (fused.length === 2) {
    return `Two instructions fused into one by the adaptive interpreter: ${fused[0]} followed by ${fused[1]}.`;
  }
  if (name.endsWith('_ADAPTIVE')) {
    return `The counting form of ${generic} (3.11): it tracks how often it runs and tries to replace itself by a specialised form.${tail}`;
  }
  if (name.endsWith('_QUICK') || name === 'RESUME_CHECK') {
    return `A quickened form of ${generic}, swapped in by the interpreter once the code is running: it skips bookkeeping the generic form does.${tail}`;
  }
  return (
    `A specialised form of ${generic} (${suffixWords(name, generic)}), installed by the adaptive interpreter after the instruction ` +
    `has run a few times on operands of that kind; when its guard fails it falls back to ${generic}.${tail}`
  );
}

/**
 * Our explanation of `opname` for Python 3.`minor`, or undefined when we have none. `generic` is the instruction a
 * specialised form belongs to (from the interpreter's `_specializations`).
 */
export function opcodeSummary(opname: string, minor: number, category: OpcodeCategory, generic?: string): string | undefined {
  if (category === 'specialised' && generic) return specialised(opname, generic, minor);
  if (category === 'instrumented') {
    const own = instrumentedOwn[opname];
    if (own) return own;
    const base = opname.replace(/^INSTRUMENTED_/, '');
    const text = pick(summaries[base], minor);
    const prefix = `${base} with a \`sys.monitoring\` hook, put in place while a tool (debugger, profiler, coverage) listens for events on this code: it reports the event, then does what ${base} does.`;
    return text ? `${prefix} ${base}: ${text}` : prefix;
  }
  const own = pick(summaries[opname], minor);
  if (own) return own;
  if (category === 'pseudo') {
    const target = pseudoTargets[opname];
    return target
      ? `A pseudo-instruction: it exists only inside the compiler, which turns it into ${target} before the code object is made.`
      : 'A pseudo-instruction: it exists only inside the compiler and never appears in a code object.';
  }
  return undefined;
}
