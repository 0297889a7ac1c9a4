// Every rule, in one explicit list: adding a rule means adding a file and a line here.
import { processStartWithoutMainGuard } from './pin101-process-start-without-main-guard';
import { unpicklableWorker } from './pin102-unpicklable-worker';
import { isLiteral } from './pin501-is-literal';
import { mutableDefaultArgument } from './pin502-mutable-default-argument';
import type { Rule } from './rule';

export const allRules: readonly Rule[] = [processStartWithoutMainGuard, unpicklableWorker, isLiteral, mutableDefaultArgument];
