// Every rule, in one explicit list: adding a rule means adding a file and a line here.
import { processStartWithoutMainGuard } from './pin101-process-start-without-main-guard';
import { unpicklableWorker } from './pin102-unpicklable-worker';
import { poolNotClosed } from './pin103-pool-not-closed';
import { sharedValueRace } from './pin104-shared-value-race';
import { sharedMemoryNotReleased } from './pin105-shared-memory-not-released';
import { shareableListResize } from './pin106-shareable-list-resize';
import { cpuBoundThreads } from './pin201-cpu-bound-threads';
import { unlockedGlobalUpdateInThread } from './pin202-unlocked-global-update-in-thread';
import { lockAcquireWithoutFinally } from './pin203-lock-acquire-without-finally';
import { blockingSleepInAsync } from './pin301-blocking-sleep-in-async';
import { blockingCallInAsync } from './pin302-blocking-call-in-async';
import { coroutineNotAwaited } from './pin303-coroutine-not-awaited';
import { danglingTask } from './pin304-dangling-task';
import { cancelledErrorSwallowed } from './pin305-cancelled-error-swallowed';
import { iteratorReused } from './pin401-iterator-reused';
import { comprehensionInReducer } from './pin402-comprehension-in-reducer';
import { generatorLenOrIndex } from './pin403-generator-len-or-index';
import { sendBeforePrime } from './pin404-send-before-prime';
import { groupbyUnsorted } from './pin405-groupby-unsorted';
import { stopIterationInGenerator } from './pin406-stop-iteration-in-generator';
import { mutationDuringIteration } from './pin407-mutation-during-iteration';
import { infiniteIteratorMaterialised } from './pin408-infinite-iterator-materialised';
import { isLiteral } from './pin501-is-literal';
import { mutableDefaultArgument } from './pin502-mutable-default-argument';
import { mangledNameAccess } from './pin503-mangled-name-access';
import { decoratorWithoutWraps } from './pin504-decorator-without-wraps';
import { cachedMethodLeak } from './pin505-cached-method-leak';
import { lateBindingClosure } from './pin506-late-binding-closure';
import { gcDisabledNotRestored } from './pin507-gc-disabled-not-restored';
import { descriptorGetWithoutClassAccess } from './pin508-descriptor-get-without-class-access';
import { totalOrderingIncomplete } from './pin509-total-ordering-incomplete';
import { eqWithoutHash } from './pin510-eq-without-hash';
import { slotsConflict } from './pin511-slots-conflict';
import { transformerDropsNode } from './pin601-transformer-drops-node';
import { visitorSkipsChildren } from './pin602-visitor-skips-children';
import { missingFixMissingLocations } from './pin603-missing-fix-missing-locations';
import type { Rule } from './rule';

export const allRules: readonly Rule[] = [
  processStartWithoutMainGuard,
  unpicklableWorker,
  poolNotClosed,
  sharedValueRace,
  sharedMemoryNotReleased,
  shareableListResize,
  cpuBoundThreads,
  unlockedGlobalUpdateInThread,
  lockAcquireWithoutFinally,
  blockingSleepInAsync,
  blockingCallInAsync,
  coroutineNotAwaited,
  danglingTask,
  cancelledErrorSwallowed,
  iteratorReused,
  comprehensionInReducer,
  generatorLenOrIndex,
  sendBeforePrime,
  groupbyUnsorted,
  stopIterationInGenerator,
  mutationDuringIteration,
  infiniteIteratorMaterialised,
  isLiteral,
  mutableDefaultArgument,
  mangledNameAccess,
  decoratorWithoutWraps,
  cachedMethodLeak,
  lateBindingClosure,
  gcDisabledNotRestored,
  descriptorGetWithoutClassAccess,
  totalOrderingIncomplete,
  eqWithoutHash,
  slotsConflict,
  transformerDropsNode,
  visitorSkipsChildren,
  missingFixMissingLocations,
];
