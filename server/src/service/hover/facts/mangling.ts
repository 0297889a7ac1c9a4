// Name mangling: `self.__x` in class `C` is stored as `_C__x`.
import type { FactProvider } from './fact';

export const manglingFacts: readonly FactProvider[] = [];
