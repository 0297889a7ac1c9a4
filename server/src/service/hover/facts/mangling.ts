// Name mangling: `self.__x` in class `C` is stored as `_C__x`.
import type { SyntaxNode } from '../../../parsing/treeSitter';
import { assignmentOfTarget, className, definesPrivateAttribute, isPrivateName, mangle, manglingClass, notMangledHere } from '../../analysis/mangle';
import type { FactProvider, HoverContext } from './fact';

/** Other occurrences looked at when searching the file for the classes that define a private name (hovers stay fast). */
const MAX_OCCURRENCES = 60;

/**
 * The class names (in file order) whose bodies bind `name` as an attribute, each with its mangled spelling; within
 * `region` (a class's text) when given.
 */
function definingClasses(context: HoverContext, name: string, except: SyntaxNode, region?: SyntaxNode): Map<string, string> {
  const found = new Map<string, string>();
  // A text search finds candidates without walking the tree; only the hits are looked at as nodes.
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])${name}(?![\\p{L}\\p{N}_])`, 'gu');
  const start = region?.startIndex ?? 0;
  let seen = 0;
  for (const match of context.text.slice(start, region?.endIndex).matchAll(pattern)) {
    if (++seen > MAX_OCCURRENCES) break;
    match.index += start;
    const occurrence = context.root.descendantForIndex(match.index);
    if (!occurrence || occurrence.type !== 'identifier' || occurrence.id === except.id || occurrence.startIndex !== match.index) continue;
    if (!definesPrivateAttribute(occurrence)) continue;
    const owner = manglingClass(occurrence);
    const ownerName = owner && className(owner);
    const stored = ownerName ? mangle(ownerName, name) : undefined;
    if (ownerName && stored && !found.has(ownerName)) found.set(ownerName, stored);
  }
  return found;
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** At most this many classes are named; the rest are counted. */
const MAX_CLASSES = 2;

function storedBy(classes: Map<string, string>, name: string): string {
  const named = [...classes].slice(0, MAX_CLASSES).map(([owner, stored]) => `\`${owner}\` stores its \`${name}\` as \`${stored}\``);
  const more = classes.size - named.length;
  return list(more > 0 ? [...named, `${more} more class${more > 1 ? 'es' : ''} theirs as \`_<Class>${name}\``] : named);
}

function classList(classes: Map<string, string>): string {
  const named = [...classes.keys()].slice(0, MAX_CLASSES).map((c) => `\`${c}\``);
  const more = classes.size - named.length;
  return list(more > 0 ? [...named, `${more} more`] : named);
}

/** An attribute access `obj.__x` that is not mangled (outside any class, or in a class named only with underscores). */
function unmangledAccess(context: HoverContext, node: SyntaxNode, attribute: SyntaxNode): string | undefined {
  const classes = definingClasses(context, node.text, node);
  if (classes.size === 0) return undefined;
  const owners = classList(classes);
  const assignment = assignmentOfTarget(attribute);
  if (assignment?.type === 'assignment') {
    return `\`${node.text}\` is not mangled here: this sets a separate attribute \`${node.text}\`, while ${storedBy(classes, node.text)}.`;
  }
  return `\`${node.text}\` is not mangled here: on an instance of ${owners} this raises AttributeError, because ${storedBy(classes, node.text)}.`;
}

/** A mangled access in class `owner` to a private name that only other classes of this file define. */
function otherClassNote(context: HoverContext, node: SyntaxNode, owner: SyntaxNode, ownerName: string): string | undefined {
  // The owner's own definition is looked for in its text first (the file-wide search may stop before reaching it).
  if (definingClasses(context, node.text, node, owner).has(ownerName)) return undefined;
  const classes = definingClasses(context, node.text, node);
  if (classes.size === 0 || classes.has(ownerName)) return undefined;
  return `${storedBy(classes, node.text)}, which this access does not reach.`;
}

function manglingLines(context: HoverContext): string[] | undefined {
  const node = context.node;
  if (node.type !== 'identifier' || !isPrivateName(node.text)) return undefined;
  const how = notMangledHere(node);
  if (how === 'skip') return undefined;
  const parent = node.parent;
  const attribute = parent?.type === 'attribute' && parent.childForFieldName('attribute')?.id === node.id ? parent : undefined;
  const owner = manglingClass(node);
  const ownerName = owner ? className(owner) : '';
  const stored = owner ? mangle(ownerName, node.text) : undefined;
  if (how === 'keyword') {
    return stored ? [`Keyword argument names are not mangled: this passes \`${node.text}\` as written (a parameter \`${node.text}\` in class \`${ownerName}\` is \`${stored}\`).`] : undefined;
  }
  if (!stored) {
    const lines: string[] = [];
    if (owner) lines.push(`No name mangling: class \`${ownerName}\` is named only with underscores, so \`${node.text}\` stays as written.`);
    const access = attribute && unmangledAccess(context, node, attribute);
    if (access) lines.push(access);
    return lines.length ? lines : undefined;
  }
  const dropped = /^_/.test(ownerName) ? ', leading underscores dropped' : '';
  let line = `Name mangling: CPython compiles \`${node.text}\` here as \`${stored}\` (class \`${ownerName}\`${dropped}).`;
  if ((parent?.type === 'function_definition' || parent?.type === 'class_definition') && parent.childForFieldName('name')?.id === node.id) {
    line = `Name mangling: CPython binds this ${parent.type === 'function_definition' ? 'function' : 'class'} as \`${stored}\` (class \`${ownerName}\`${dropped}); its \`__name__\` stays \`${node.text}\`.`;
  }
  const note = attribute && owner && otherClassNote(context, node, owner, ownerName);
  return note ? [line, note] : [line];
}

export const manglingFacts: readonly FactProvider[] = [manglingLines];
