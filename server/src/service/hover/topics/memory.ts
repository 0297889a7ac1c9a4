// Objects and memory: PyObject, reference counting, identity and caches, the cyclic GC, weak references.
import type { Topic } from './topic';

export const memoryTopics: readonly Topic[] = [];
