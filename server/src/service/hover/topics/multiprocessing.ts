// Multiprocessing: processes, start methods, pickling, pools, shared state.
import type { Topic } from './topic';

export const multiprocessingTopics: readonly Topic[] = [];
