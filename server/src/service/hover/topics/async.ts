// Async: coroutines, the event loop, tasks, cancellation, offloading blocking work.
import type { Topic } from './topic';

export const asyncTopics: readonly Topic[] = [];
