// The ast module: node model, traversal, transformation.
import type { Topic } from './topic';

export const astTopics: readonly Topic[] = [];
