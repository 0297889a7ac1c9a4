/** Where a rule's generated documentation is published (docs/rules/PIN###.md in the repository). */
export const RULE_DOCS_BASE = 'https://github.com/pyinsight/pyinsight/blob/main/docs/rules/';

export function ruleDocsUrl(code: string): string {
  return `${RULE_DOCS_BASE}${code}.md`;
}
