// Classes: MRO by C3, metaclass in effect, __slots__, descriptor kinds of attributes.
import type { FactProvider } from './fact';

export const classFacts: readonly FactProvider[] = [];
