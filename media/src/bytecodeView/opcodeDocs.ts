// Opcode documentation for the hover and the footer: our explanation when we have one, then the facts the
// interpreter's own opcode table gives (argument kind, specialised forms), labelled with its version.
import type { InterpreterInfo, OpcodeDoc, OpcodeDocsResult } from '../../../server/src/protocol';
import { h, span } from '../shared/dom';

export class OpcodeDocs {
  private byName = new Map<string, OpcodeDoc>();
  private interpreter: InterpreterInfo | undefined;
  private problem: string | undefined = 'Opcode documentation has not loaded yet.';

  set(result: OpcodeDocsResult): void {
    if (result.kind === 'ok') {
      this.byName = new Map(result.opcodes.map((doc) => [doc.opname, doc]));
      this.interpreter = result.interpreter;
      this.problem = undefined;
    } else {
      this.byName.clear();
      this.problem = result.message;
    }
  }

  /** One line for the footer: `LOAD_FAST — summary`. */
  line(opname: string): string {
    const doc = this.byName.get(opname);
    if (!doc) return this.problem ? `${opname} — ${this.problem}` : `${opname} — not in ${this.version()}'s opcode table`;
    return `${opname} — ${doc.summary ?? facts(doc).join('; ')}`;
  }

  /** Fills the tooltip for `opname`. */
  fill(opname: string, into: HTMLElement): void {
    const doc = this.byName.get(opname);
    into.append(h('div', { className: 'tip-title', text: doc ? `${opname} (opcode ${doc.opcode})` : opname }));
    if (!doc) {
      into.append(h('p', { text: this.problem ?? `Not in ${this.version()}'s opcode table.` }));
      return;
    }
    into.append(h('p', {}, ...withCode(doc.summary ?? 'No explanation written for this opcode yet; the facts below come from the opcode module.')));
    for (const fact of facts(doc)) into.append(h('p', { className: 'tip-facts', text: fact }));
    into.append(h('p', { className: 'tip-facts' }, span(`Documentation for ${this.version()}`)));
  }

  private version(): string {
    return this.interpreter ? `CPython ${this.interpreter.version}` : 'this interpreter';
  }
}

function facts(doc: OpcodeDoc): string[] {
  const list = [doc.hasArgument ? `Argument: ${doc.argumentKind ?? 'a number'}` : 'No argument'];
  if (doc.specialises) list.push(`Specialised form of ${doc.specialises}`);
  if (doc.specialisations && doc.specialisations.length > 0) list.push(`Specialisations: ${doc.specialisations.join(', ')}`);
  return list;
}

/** The summaries mark code with backticks: show those parts as code (still text nodes). */
function withCode(text: string): HTMLElement[] {
  return text.split('`').map((part, i) => (i % 2 === 1 ? h('code', { text: part }) : span(part)));
}
