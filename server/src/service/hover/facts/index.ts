// Every computed-fact provider, in the order their lines appear in a hover.
import type { FactProvider } from './fact';

export const factProviders: readonly FactProvider[] = [];
