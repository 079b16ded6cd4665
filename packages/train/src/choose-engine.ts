import type { ModelSpec } from '@fmnist/models';
import type * as tf from '@tensorflow/tfjs';
import { createNativeEngine } from './native-engine.js';
import { planNativeNetwork } from './plan-native-network.js';
import { type BackendChoice, loadNativeStep } from './select-backend.js';
import { createTfjsEngine, type EngineOptions, type TrainingEngine } from './training-engine.js';

/**
 * The engine that runs a run's steps: the native fused step when the backend is `native` and the
 * step runs the spec, else tfjs. `fallback`, when the native step was chosen but cannot run the
 * spec, is what the record should say instead: the tfjs backend that runs, and why native did not.
 */
export async function chooseEngine(
  spec: ModelSpec,
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  backend: BackendChoice | undefined,
  options: EngineOptions,
): Promise<{
  engine: TrainingEngine;
  fallback?: {
    backend: { name: string; reason: string };
    passedOver: { name: 'native'; reason: string };
  };
}> {
  const tfjsEngine = () => createTfjsEngine(model, optimizer, options);
  if (backend?.name !== 'native') return { engine: tfjsEngine() };
  const status = await loadNativeStep();
  const planned = planNativeNetwork(spec);
  const reason = !status.ok ? status.reason : !planned.ok ? planned.reason : undefined;
  if (status.ok && planned.ok) {
    const engine = createNativeEngine(status.blas, planned.plan, model, optimizer, {
      ...options,
      threads: backend.threads,
    });
    await engine.syncFromModel();
    return { engine };
  }
  const under = backend.tfjs ?? { name: 'cpu', reason: 'the tfjs backend under native' };
  return {
    engine: tfjsEngine(),
    fallback: {
      backend: {
        name: under.name,
        reason: `the native step does not run this spec (${reason}), so tfjs ${under.name} does: ${under.reason}`,
      },
      passedOver: { name: 'native', reason: `does not run this spec: ${reason}` },
    },
  };
}
