/** The one schema every experiment declaration is validated against. */
import { Validator } from "./_fields.ts";
import { BACKENDS, CLAIM_KINDS, type Experiment, type Json, PROFILES } from "./experiment.ts";

const ID = /^[a-z0-9][a-z0-9-]*$/;
const TOP = [
  "id",
  "title",
  "kind",
  "source",
  "variant",
  "gaps",
  "dataset",
  "model",
  "training",
  "worked",
  "seeds",
  "backends",
  "profiles",
  "claims",
  "tolerance",
] as const;
const OPTIMIZERS = ["adam", "sgd", "rmsprop", "adagrad"] as const;
const LOSSES = [
  "categoricalCrossentropy",
  "sparseCategoricalCrossentropy",
  "meanSquaredError",
] as const;

/**
 * Check a declaration and return it typed, or throw a UserError naming the file and the
 * field path of the first problem.
 *
 * @example
 * ```ts
 * validateExperiment({ id: "x", ...rest }, "experiments/x.ts");
 * // UserError: experiments/x.ts: training.batchSize must be a positive integer, got "64"
 * ```
 */
export function validateExperiment(raw: unknown, file: string): Experiment {
  const c = new Validator(file);
  if (!c.object("declaration", raw)) c.throwIfAny();
  const d = raw as Record<string, unknown>;
  c.onlyKeys("", d, TOP);
  c.string("id", d.id, ID, "lowercase letters, digits and dashes");
  c.string("title", d.title);
  c.oneOf("kind", d.kind, ["train", "worked"] as const);
  if (c.object("source", d.source)) {
    const s = d.source;
    c.onlyKeys("source", s, ["article", "section"]);
    c.string("source.article", s.article, /^\d{3}_[0-9a-f]+\.txt$/, "an article file name");
    c.string("source.section", s.section);
  }
  if (d.variant !== undefined && c.object("variant", d.variant)) {
    c.onlyKeys("variant", d.variant, ["of", "change"]);
    c.string("variant.of", d.variant.of, ID, "the id of the as-written experiment");
    c.string("variant.change", d.variant.change);
  }
  if (d.gaps !== undefined && c.array("gaps", d.gaps)) {
    d.gaps.forEach((g, i) => {
      if (!c.object(`gaps[${i}]`, g)) return;
      c.onlyKeys(`gaps[${i}]`, g, ["field", "chosen", "why"]);
      for (const k of ["field", "chosen", "why"]) c.string(`gaps[${i}].${k}`, g[k]);
    });
  }
  if (d.kind === "train") validateTraining(c, d);
  if (d.kind === "worked") c.string("worked", d.worked);
  if (c.array("seeds", d.seeds, true)) {
    d.seeds.forEach((s, i) => c.nonNegativeInt(`seeds[${i}]`, s));
  }
  if (c.array("backends", d.backends, true)) {
    d.backends.forEach((b, i) => c.oneOf(`backends[${i}]`, b, BACKENDS));
  }
  if (d.profiles !== undefined && c.object("profiles", d.profiles)) {
    c.onlyKeys("profiles", d.profiles, PROFILES);
    for (const [name, o] of Object.entries(d.profiles)) validateOverrides(c, `profiles.${name}`, o);
  }
  if (d.claims !== undefined && c.array("claims", d.claims)) {
    d.claims.forEach((cl, i) => validateClaim(c, `claims[${i}]`, cl));
  }
  if (d.tolerance !== undefined && c.object("tolerance", d.tolerance)) {
    c.onlyKeys("tolerance", d.tolerance, ["accuracy"]);
    if (d.tolerance.accuracy !== undefined) {
      c.positiveNumber("tolerance.accuracy", d.tolerance.accuracy);
    }
  }
  if (c.errors.length === 0) validateJson(c, "", raw);
  c.throwIfAny();
  return raw as Experiment;
}

function validateTraining(c: Validator, d: Record<string, unknown>): void {
  if (c.object("dataset", d.dataset)) {
    const ds = d.dataset;
    c.onlyKeys("dataset", ds, ["key", "train", "validation", "test"]);
    c.string("dataset.key", ds.key);
    c.positiveInt("dataset.train", ds.train);
    c.nonNegativeInt("dataset.validation", ds.validation);
    c.positiveInt("dataset.test", ds.test);
  }
  if (c.object("model", d.model)) {
    const m = d.model;
    c.onlyKeys("model", m, ["key", "inputShape", "layers"]);
    c.string("model.key", m.key);
    if (c.array("model.inputShape", m.inputShape, true)) {
      m.inputShape.forEach((n, i) => c.positiveInt(`model.inputShape[${i}]`, n));
    }
    if (c.array("model.layers", m.layers, true)) {
      m.layers.forEach((l, i) => {
        if (c.object(`model.layers[${i}]`, l)) c.string(`model.layers[${i}].type`, l.type);
      });
    }
  }
  if (c.object("training", d.training)) {
    const t = d.training;
    c.onlyKeys("training", t, ["optimizer", "loss", "epochs", "batchSize", "shuffle"]);
    if (c.object("training.optimizer", t.optimizer)) {
      const o = t.optimizer;
      c.onlyKeys("training.optimizer", o, [
        "name",
        "learningRate",
        "momentum",
        "beta1",
        "beta2",
        "epsilon",
      ]);
      c.oneOf("training.optimizer.name", o.name, OPTIMIZERS);
      c.positiveNumber("training.optimizer.learningRate", o.learningRate);
      for (const k of ["momentum", "beta1", "beta2", "epsilon"]) {
        if (o[k] !== undefined) c.number(`training.optimizer.${k}`, o[k]);
      }
    }
    c.oneOf("training.loss", t.loss, LOSSES);
    c.positiveInt("training.epochs", t.epochs);
    c.positiveInt("training.batchSize", t.batchSize);
    c.boolean("training.shuffle", t.shuffle);
  }
}

function validateOverrides(c: Validator, path: string, o: unknown): void {
  if (!c.object(path, o)) return;
  c.onlyKeys(path, o, ["dataset", "training", "seeds"]);
  if (o.dataset !== undefined && c.object(`${path}.dataset`, o.dataset)) {
    c.onlyKeys(`${path}.dataset`, o.dataset, ["train", "validation", "test"]);
    for (const [k, v] of Object.entries(o.dataset)) {
      if (k === "validation") c.nonNegativeInt(`${path}.dataset.${k}`, v);
      else c.positiveInt(`${path}.dataset.${k}`, v);
    }
  }
  if (o.training !== undefined && c.object(`${path}.training`, o.training)) {
    c.onlyKeys(`${path}.training`, o.training, ["epochs", "batchSize"]);
    for (const [k, v] of Object.entries(o.training)) c.positiveInt(`${path}.training.${k}`, v);
  }
  if (o.seeds !== undefined && c.array(`${path}.seeds`, o.seeds, true)) {
    o.seeds.forEach((s, i) => c.nonNegativeInt(`${path}.seeds[${i}]`, s));
  }
}

function validateClaim(c: Validator, path: string, cl: unknown): void {
  if (!c.object(path, cl)) return;
  c.onlyKeys(path, cl, [
    "id",
    "metric",
    "printed",
    "kind",
    "value",
    "tolerance",
    "interpretation",
    "where",
    "notCheckable",
  ]);
  c.string(`${path}.id`, cl.id, ID, "lowercase letters, digits and dashes");
  c.string(`${path}.metric`, cl.metric);
  c.string(`${path}.printed`, cl.printed);
  c.oneOf(`${path}.kind`, cl.kind, CLAIM_KINDS);
  c.string(`${path}.where`, cl.where);
  if (cl.value !== undefined) c.number(`${path}.value`, cl.value);
  if (cl.tolerance !== undefined) c.positiveNumber(`${path}.tolerance`, cl.tolerance);
  if (cl.kind === "qualitative" && cl.notCheckable === undefined) {
    c.string(`${path}.interpretation`, cl.interpretation, undefined, "how the words are read");
  }
  if (cl.kind !== "qualitative" && cl.notCheckable === undefined) {
    c.number(`${path}.value`, cl.value);
  }
  if (cl.kind === "approximately" && cl.notCheckable === undefined) {
    c.positiveNumber(`${path}.tolerance`, cl.tolerance);
  }
  if (cl.notCheckable !== undefined) c.string(`${path}.notCheckable`, cl.notCheckable);
}

/** Declarations are data: no functions, no undefined, no NaN, no class instances. */
function validateJson(c: Validator, path: string, v: unknown): v is Json {
  if (v === null || typeof v === "string" || typeof v === "boolean") return true;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) c.fail(path || "declaration", "a finite number", v);
    return true;
  }
  if (Array.isArray(v)) {
    v.forEach((x, i) => validateJson(c, `${path}[${i}]`, x));
    return true;
  }
  if (typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
    for (const [k, x] of Object.entries(v as object)) validateJson(c, path ? `${path}.${k}` : k, x);
    return true;
  }
  c.errors.push(`${c.file}: ${path || "declaration"} must be plain JSON data, got ${typeof v}`);
  return false;
}
