// Functions: scopes, closures and cells, decorators, functools.
import type { Topic } from './topic';

export const functionTopics: readonly Topic[] = [];
