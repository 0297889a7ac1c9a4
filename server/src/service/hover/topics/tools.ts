// Debugging and profiling tools that expose the internals.
import type { Topic } from './topic';

export const toolsTopics: readonly Topic[] = [];
