/** Data-parallel training over replicas (module Workers), and how many a run uses. */
export { makeTrainer, type Trainer } from "./trainer.ts";
export { defaultReplicas, resolveReplicas } from "./replicas.ts";
