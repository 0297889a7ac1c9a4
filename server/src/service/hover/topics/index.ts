// Every internals topic, family by family: adding a family means adding its file and a line here.
import type { Topic } from './topic';

export const allTopics: readonly Topic[] = [];
