// Every rule, in one explicit list: adding a rule means adding a file and a line here.
import { isLiteral } from './pin501-is-literal';
import type { Rule } from './rule';

export const allRules: readonly Rule[] = [isLiteral];
