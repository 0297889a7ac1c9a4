// The explanation shown when hovering a diagnostic's range: what the rule finds, the CPython mechanism, the fix.
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import type { RuleDiagnostic } from '../rules/engine';
import { ruleDocsUrl } from '../rules/docsUrl';
import type { Rule } from '../rules/rule';
import type { SourceFile } from '../types';

export function ruleExplanation(rule: Rule): string {
  const { docs } = rule;
  return [
    `**${rule.code}** \`${rule.name}\` — ${docs.summary}`,
    `**What:** ${docs.what}`,
    `**Why:** ${docs.why}`,
    `**Use instead:**\n\n\`\`\`python\n${docs.useInstead.trimEnd()}\n\`\`\``,
    `[Rule documentation](${ruleDocsUrl(rule.code)})`,
  ].join('\n\n');
}

/** A hover for the diagnostics covering `offset`, or undefined when there are none. */
export function ruleHover(file: SourceFile, offset: number, diagnostics: readonly RuleDiagnostic[]): Hover | undefined {
  const here = diagnostics.filter((d) => d.startIndex <= offset && offset <= d.endIndex);
  if (here.length === 0) return undefined;
  const rules = [...new Map(here.map((d) => [d.rule.code, d.rule])).values()];
  const contents: MarkupContent = { kind: 'markdown', value: rules.map(ruleExplanation).join('\n\n---\n\n') };
  const first = here[0];
  return { contents, range: { start: file.document.positionAt(first.startIndex), end: file.document.positionAt(first.endIndex) } };
}
