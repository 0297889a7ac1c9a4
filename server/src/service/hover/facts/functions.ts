// Functions: generator/coroutine kind, symtable-style scope of each name, decorator order.
import type { FactProvider } from './fact';

export const functionFacts: readonly FactProvider[] = [];
