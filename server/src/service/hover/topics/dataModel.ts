// The data model: buffers, memoryview, bytes/bytearray, dict views, special methods.
import type { Topic } from './topic';

export const dataModelTopics: readonly Topic[] = [];
