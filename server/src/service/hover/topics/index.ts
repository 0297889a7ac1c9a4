// Every internals topic, family by family: adding a family means adding its file and a line here.
import { astTopics } from './ast';
import { asyncTopics } from './async';
import { dataModelTopics } from './dataModel';
import { functionTopics } from './functions';
import { interpreterTopics } from './interpreter';
import { iterationTopics } from './iteration';
import { memoryTopics } from './memory';
import { multiprocessingTopics } from './multiprocessing';
import { objectModelTopics } from './objectModel';
import { threadTopics } from './threads';
import { toolsTopics } from './tools';
import { typingTopics } from './typing';
import type { Topic } from './topic';

export const allTopics: readonly Topic[] = [
  ...interpreterTopics,
  ...toolsTopics,
  ...astTopics,
  ...memoryTopics,
  ...dataModelTopics,
  ...threadTopics,
  ...multiprocessingTopics,
  ...asyncTopics,
  ...iterationTopics,
  ...functionTopics,
  ...objectModelTopics,
  ...typingTopics,
];
