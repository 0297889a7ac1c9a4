// Glue for the service's hover: the context fact providers and topic triggers see, and the final Hover, with the
// rule explanation (when the cursor is on a diagnostic) first and the internals after it.
import type { Hover } from 'vscode-languageserver-types';
import type { PythonGrammar } from '../../parsing/treeSitter';
import { namesOf } from '../analysis/namesCache';
import type { Settings } from '../config';
import type { SourceFile } from '../types';
import type { HoverContext } from './facts/fact';
import type { InternalsHover } from './internalsHover';

export function hoverContext(file: SourceFile, offset: number, settings: Settings, grammar: PythonGrammar): HoverContext {
  const root = file.tree.rootNode;
  const text = file.document.getText();
  // At the end of a token the cursor is usually still "on" it: prefer the token that ends here over whitespace.
  const node = root.descendantForIndex(offset > 0 && /\s|^$/.test(text[offset] ?? '') ? offset - 1 : offset) ?? root;
  return {
    node,
    offset,
    text,
    root,
    settings,
    get names() {
      return namesOf(file.tree, grammar);
    },
  };
}

export function combineHovers(file: SourceFile, rule: Hover | undefined, internals: InternalsHover | undefined): Hover | undefined {
  if (!internals) return rule;
  const ruleText = rule && typeof rule.contents === 'object' && 'value' in rule.contents ? rule.contents.value : undefined;
  const value = ruleText ? `${ruleText}\n\n---\n\n${internals.markdown}` : internals.markdown;
  const node = internals.node;
  const range = rule?.range ?? (node ? { start: file.document.positionAt(node.startIndex), end: file.document.positionAt(node.endIndex) } : undefined);
  return { contents: { kind: 'markdown', value }, ...(range ? { range } : {}) };
}
