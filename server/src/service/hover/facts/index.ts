// Every computed-fact provider, in the order their lines appear in a hover.
import { classFacts } from './classes';
import { expressionFacts } from './expressions';
import { functionFacts } from './functions';
import { manglingFacts } from './mangling';
import type { FactProvider } from './fact';

export const factProviders: readonly FactProvider[] = [...manglingFacts, ...classFacts, ...functionFacts, ...expressionFacts];
