// The GIL and threads: what the GIL protects, where it is released, locks and executors.
import type { Topic } from './topic';

export const threadTopics: readonly Topic[] = [];
