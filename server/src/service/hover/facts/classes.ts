// Classes: MRO by C3, metaclass in effect, __slots__, descriptor kinds of attributes.
import type { SyntaxNode } from '../../../parsing/treeSitter';
import { AttributeClassifier, type ClassAttribute } from '../../analysis/classAttributes';
import { classHeader, fileClass, type ClassRef } from '../../analysis/classModel';
import { Linearizer, type Linearization } from '../../analysis/c3';
import { instanceLayout, type InstanceLayout } from '../../analysis/instanceLayout';
import { MetaclassFinder, type MetaclassAnswer } from '../../analysis/metaclass';
import type { NameResolver } from '../../analysis/resolve';
import type { FactProvider, HoverContext } from './fact';

const METACLASS_CONFLICT = 'metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases';
const MAX_NAMES = 6;
/** Longer MROs show their start and their last class. */
const MAX_MRO = 12;

const code = (text: string): string => `\`${text}\``;

/** The class_definition the hovered node names: its own name (or `class` keyword), or a reference to a class of this file. */
function hoveredClass(context: HoverContext): SyntaxNode | undefined {
  const node = context.node;
  const parent = node.parent;
  if (parent?.type === 'class_definition' && (node.type === 'class' || parent.childForFieldName('name')?.id === node.id)) return parent;
  if (node.type !== 'identifier' || parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.id === node.id) return undefined;
  if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.id === node.id) return undefined;
  const definition = context.names.definitionOf(node);
  return definition?.kind === 'class' ? definition.node : undefined;
}

/** External bases (or `*bases`) anywhere in the class's in-file ancestry: what makes its MRO partial. */
function externalBases(ref: ClassRef, names: NameResolver): string[] {
  const found = new Set<string>();
  const seen = new Set<string>([ref.key]);
  const queue: ClassRef[] = [ref];
  for (let c = queue.shift(); c; c = queue.shift()) {
    if (c.kind !== 'file') continue;
    const header = classHeader(c.node, names);
    for (const base of header.bases) {
      if (base.kind === 'external') found.add(base.name);
      if (base.kind === 'file' && !seen.has(base.key)) {
        seen.add(base.key);
        queue.push(base);
      }
    }
  }
  return [...found];
}

function mroLine(ref: ClassRef, mro: Linearization, names: NameResolver, linearizer: Linearizer): string {
  if (mro.failingBase) {
    const reason = linearizer.linearize(mro.failingBase).error;
    return `Never created: its base ${code(mro.failingBase.name)} already fails${reason ? ` (\`TypeError: ${reason}\`)` : ''}.`;
  }
  if (mro.error) return `Class creation fails: \`TypeError: ${mro.error}\`.`;
  const shown = mro.classes.length > MAX_MRO ? [...mro.classes.slice(0, MAX_MRO - 2).map((c) => code(c.name)), `… ${mro.classes.length - MAX_MRO + 1} more`, code(mro.classes[mro.classes.length - 1].name)] : mro.classes.map((c) => code(c.name));
  const chain = shown.join(' → ');
  if (mro.complete) return `MRO: ${chain}`;
  const externals = externalBases(ref, names);
  const why = externals.length ? `on ${externals.slice(0, 3).map(code).join(', ')}, defined outside this file` : 'on bases unpacked with `*`';
  return `MRO (partial): ${chain} → … — the rest depends ${why}.`;
}

function metaclassLine(answer: MetaclassAnswer): string | undefined {
  switch (answer.kind) {
    case 'function':
      return `Metaclass: \`metaclass=${answer.name}\` is a function; CPython calls it to build the class, so the class is whatever it returns.`;
    case 'conflict':
      return `Class creation fails: \`TypeError: ${METACLASS_CONFLICT}\`.`;
    case 'unknown':
      return undefined;
  }
  const name = code(answer.metaclass.name);
  if (answer.fromBase && answer.explicit) return `Metaclass: ${name}, from base ${code(answer.fromBase.name)}; it subclasses the explicit ${code(answer.explicit.name)}, so it wins.`;
  if (answer.fromBase) return `Metaclass: ${name}, inherited from ${code(answer.fromBase.name)}.`;
  if (answer.explicit) return `Metaclass: ${name} (explicit \`metaclass=\`).`;
  return `Metaclass: ${name} (the default).`;
}

function provider(p: InstanceLayout['dict'], slot: string): string {
  if (p.has !== true) return '';
  if (p.how === 'no-slots') return `${code(p.by.name)} defines no \`__slots__\``;
  if (p.how === 'listed') return `${code(p.by.name)} lists \`${slot}\` in \`__slots__\``;
  return slot === '__dict__' ? `${code(p.by.name)} instances have one` : `${code(p.by.name)} instances support them`;
}

function layoutLine(layout: InstanceLayout): string | undefined {
  if (!layout.slotted) return undefined;
  const { dict, weakref } = layout;
  if (dict.has === 'unknown') return `Whether instances have a \`__dict__\` depends on ${code(dict.because.name)} (not defined in this file, or its \`__slots__\` is not a literal).`;
  const weak = weakref.has === true ? `weak references work (${provider(weakref, '__weakref__')})` : weakref.has === false ? 'no `__weakref__`, so `weakref.ref()` on an instance raises TypeError' : `\`__weakref__\` depends on ${code(weakref.because.name)}`;
  if (dict.has === false) return `Instances have no \`__dict__\` (no class in the MRO adds one), so setting an attribute that has no slot or data descriptor raises AttributeError; ${weak}.`;
  if (weakref.has === true && weakref.by.key === dict.by.key && weakref.how === dict.how && dict.how === 'no-slots') return `Instances still have a \`__dict__\` and \`__weakref__\`: ${provider(dict, '__dict__')}.`;
  return `Instances still have a \`__dict__\` (${provider(dict, '__dict__')}); ${weak}.`;
}

function names(attributes: readonly ClassAttribute[]): string {
  const shown = attributes.slice(0, MAX_NAMES).map((a) => (a.what && a.what !== 'function' ? `${code(a.name)} (${a.what})` : code(a.name)));
  return attributes.length > MAX_NAMES ? `${shown.join(', ')} +${attributes.length - MAX_NAMES} more` : shown.join(', ');
}

/** Attribute kinds in lookup order (flag A1): data descriptors, then the instance `__dict__`, then the rest. */
function attributesLine(attributes: readonly ClassAttribute[], layout: InstanceLayout): string | undefined {
  if (attributes.length === 0) return undefined;
  const data = attributes.filter((a) => a.kind === 'data');
  const nonData = attributes.filter((a) => a.kind === 'non-data');
  const plain = attributes.filter((a) => a.kind === 'plain');
  const steps: string[] = [];
  if (data.length) steps.push(`data descriptors ${names(data)}`);
  if (layout.dict.has !== false) steps.push('the instance `__dict__`');
  const rest = [nonData.length ? `non-data descriptors ${names(nonData)}` : '', plain.length ? `plain values ${names(plain)}` : ''].filter(Boolean);
  if (rest.length) steps.push(rest.join(' and '));
  return `Attribute lookup on instances, in order: ${steps.join(' › ')}.`;
}

function classLines(context: HoverContext): string[] | undefined {
  const node = hoveredClass(context);
  if (!node) return undefined;
  const names = context.names;
  const ref = fileClass(node);
  const linearizer = new Linearizer(names);
  const metaclasses = new MetaclassFinder(names, linearizer);
  const meta = metaclasses.metaclassOf(ref);
  if (meta.kind === 'conflict') return [metaclassLine(meta)!];
  const { attributes, slotConflict } = new AttributeClassifier(names, linearizer, metaclasses).attributes(node);
  if (slotConflict) return [`Class creation fails: \`ValueError: '${slotConflict}' in __slots__ conflicts with class variable\`.`];
  const mro = linearizer.linearize(ref);
  const lines = [mroLine(ref, mro, names, linearizer)];
  if (mro.error || mro.failingBase) return lines;
  const metaLine = metaclassLine(meta);
  if (metaLine) lines.push(metaLine);
  const layout = instanceLayout(mro, linearizer);
  const layoutText = layoutLine(layout);
  if (layoutText) lines.push(layoutText);
  const attributesText = attributesLine(attributes, layout);
  if (attributesText) lines.push(attributesText);
  return lines;
}

export const classFacts: readonly FactProvider[] = [classLines];
