// Iteration: the iterator protocol, generators, comprehensions, itertools.
import type { Topic } from './topic';

export const iterationTopics: readonly Topic[] = [];
