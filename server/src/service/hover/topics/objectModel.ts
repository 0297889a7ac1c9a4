// The object model: descriptors, properties, slots, metaclasses, MRO, name mangling.
import type { Topic } from './topic';

export const objectModelTopics: readonly Topic[] = [];
