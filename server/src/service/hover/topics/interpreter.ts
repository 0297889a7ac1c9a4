// The interpreter and bytecode: compilation, code objects, the eval loop, frames, imports.
import type { Topic } from './topic';

export const interpreterTopics: readonly Topic[] = [];
