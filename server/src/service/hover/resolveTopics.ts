// Which topics apply at the cursor: syntax triggers on the hovered node and its ancestors within the statement,
// name triggers on the hovered identifier or attribute as this file's imports resolve it. Innermost first.
import type { SyntaxNode } from '../../parsing/treeSitter';
import type { HoverContext } from './facts/fact';
import type { Topic, TopicTrigger } from './topics/topic';

export interface TopicMatch {
  readonly topic: Topic;
  readonly trigger: TopicTrigger;
  /** The node the trigger matched (its range is highlighted by the hover). */
  readonly node: SyntaxNode;
}

/** Statement-level nodes: syntax triggers look no further up than these (a hover is about the construct under it). */
const STOP = new Set(['block', 'module']);

/** The hovered node and its ancestors up to the enclosing statement, innermost first. */
function ancestors(node: SyntaxNode): SyntaxNode[] {
  const chain: SyntaxNode[] = [];
  for (let n: SyntaxNode | null = node; n && !STOP.has(n.type); n = n.parent) chain.push(n);
  return chain;
}

function syntaxMatches(trigger: Extract<TopicTrigger, { node: string }>, node: SyntaxNode): boolean {
  if (node.type !== trigger.node) return false;
  if (trigger.child && !node.children.some((c) => c?.type === trigger.child)) return false;
  return !trigger.text || trigger.text.test(node.text);
}

/**
 * The qualified names the hovered identifier can stand for: the name itself (`mp.Pool` → `multiprocessing.Pool`),
 * and for `obj.method` or a bare `obj`, what produced `obj` (`t.start` → `threading.Thread.start`, `t` → `threading.Thread`).
 */
export function hoveredNames(node: SyntaxNode, context: HoverContext): { names: string[]; target: SyntaxNode } | undefined {
  if (node.type !== 'identifier') return undefined;
  const parent = node.parent;
  const target = parent?.type === 'attribute' && parent.childForFieldName('attribute')?.id === node.id ? parent : node;
  const names: string[] = [];
  const qualified = context.names.qualifiedName(target);
  if (qualified) names.push(qualified);
  if (target.type === 'attribute') {
    const object = target.childForFieldName('object');
    const producer = object && context.names.producedBy(object);
    if (producer) names.push(`${producer}.${node.text}`);
  } else {
    const producer = context.names.producedBy(target);
    if (producer) names.push(producer);
  }
  return { names, target };
}

/** Every (topic, trigger) that applies at the cursor, innermost first; a topic may appear once per trigger. */
export function triggerMatches(context: HoverContext, topics: readonly Topic[]): TopicMatch[] {
  const found: TopicMatch[] = [];
  const named = hoveredNames(context.node, context);
  if (named) {
    for (const name of named.names) {
      for (const topic of topics) for (const trigger of topic.triggers) if ('name' in trigger && trigger.name === name) found.push({ topic, trigger, node: named.target });
    }
  }
  for (const node of ancestors(context.node)) {
    for (const topic of topics) for (const trigger of topic.triggers) if ('node' in trigger && syntaxMatches(trigger, node)) found.push({ topic, trigger, node });
  }
  return found;
}

/** The topics at the cursor, each once (by its innermost trigger), innermost first. */
export function topicsAt(context: HoverContext, topics: readonly Topic[]): TopicMatch[] {
  const seen = new Set<string>();
  return triggerMatches(context, topics).filter((m) => !seen.has(m.topic.id) && seen.add(m.topic.id));
}
