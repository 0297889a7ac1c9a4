// Expressions: identity with cached values, constant folding, comprehension vs generator expression.
import type { FactProvider } from './fact';

export const expressionFacts: readonly FactProvider[] = [];
