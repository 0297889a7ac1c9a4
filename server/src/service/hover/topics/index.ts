// Every internals topic, family by family: adding a family means adding its file and a line here.
import { astTopics } from './ast';
import { asyncTopics } from './async';
import { asyncTaskTopics } from './asyncTasks';
import { classTopics } from './classes';
import { dataModelTopics } from './dataModel';
import { functionTopics } from './functions';
import { gcTopics } from './gc';
import { interpreterTopics } from './interpreter';
import { interpreterRuntimeTopics } from './interpreterRuntime';
import { iterationTopics } from './iteration';
import { memoryTopics } from './memory';
import { multiprocessingTopics } from './multiprocessing';
import { mpSharedTopics } from './mpShared';
import { objectModelTopics } from './objectModel';
import { threadTopics } from './threads';
import { threadSyncTopics } from './threadSync';
import { typingTopics } from './typing';
import type { Topic } from './topic';

export const allTopics: readonly Topic[] = [
  ...interpreterTopics,
  ...interpreterRuntimeTopics,
  ...astTopics,
  ...memoryTopics,
  ...gcTopics,
  ...dataModelTopics,
  ...threadTopics,
  ...threadSyncTopics,
  ...multiprocessingTopics,
  ...mpSharedTopics,
  ...asyncTopics,
  ...asyncTaskTopics,
  ...iterationTopics,
  ...functionTopics,
  ...objectModelTopics,
  ...classTopics,
  ...typingTopics,
];
