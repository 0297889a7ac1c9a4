// Type hints at run time: annotations, typing constructs, generics.
import type { Topic } from './topic';

export const typingTopics: readonly Topic[] = [];
