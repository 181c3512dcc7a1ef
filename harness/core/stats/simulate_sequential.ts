/**
 * Simulate the gate's sequential rule over process pairs (and today's fixed-6 rule, and
 * Wald's SPRT with a calibrated σ) on a grid of spreads, outlier rates and slowdowns, seeded:
 *
 *   deno run harness/core/stats/simulate_sequential.ts [--trials=20000] [--aa-trials=100000]
 *     [--s=0.01,0.02,0.032,0.05,0.08] [--slowdowns=0,0.02,0.05,0.1,0.2] [--outliers=0,0.1]
 *     [--outlier-side=both|candidate] [--noise=normal|t3] [--shift-at=3 --shift-factor=2]
 *     [--first-effect=0] [--rules=seq,fixed6,sprt] [--sprt-sigma=0.032]
 *     [--min-pairs=3 --max-pairs=12 --margin=0 --alpha=0.0025 --detect=0.05:0.02,0.1:0.005]
 *     [--plan --costs=8,12,15,25 --plan-s=0.02,0.03,0.03,0.03 --budget=540] [--seed=1]
 *     [--plan --costs=... --thetas=FILE [--load=quiet] [--check-boot=200]]
 *     [--plan ... --check-sd=0.005] [--plan ... --no-suite | --suite-margin=0.005
 *      --suite-alpha=0.0005] [--plan ... --no-groups | --groups=0+2,1+3] [--group-sd=0.005]
 *     [--plan ... --slowed=cnn-wasm,mlp-wasm | --slowed=1,3] [--plan ... --per-round=1,2,1,2]
 *     [--stored --s=0.05,0.1 --ratios=0,0.5,1,1.5 --baselines=3,5,8 --candidates=5
 *      --rule-ratio=1]
 *
 * Prints one Markdown table: per rule and condition, the share of targets judged regressed,
 * unchanged and inconclusive (%), and the mean and 90th percentile of the pairs used. With
 * `--plan`, whole gate runs of four targets (round-robin over the undecided ones,
 * `allocate_pairs.ts`) instead: family-wise false alarms, detection and wall time; with
 * `--thetas`, each target's θ drawn from measured pairs (`_theta_pool.ts`) instead of the normal
 * model, and `--check-boot` resamples that file's checks for an interval. A run fails when a
 * target's row or a suite row regresses (all targets together, `suite_verdict.ts`, and, as the
 * gate reads them, each backend's and each experiment's targets: with `--thetas` from its
 * `experiment-backend` names, else `--groups` of target indices). `--no-suite` leaves the suite
 * rows out, `--no-groups` the groups' only (they still carry `--group-sd`); `--check-sd` adds a
 * bias shared by all targets of a run (one normal draw of that spread per run), `--group-sd` one
 * per group and run; `--slowed` slows only those targets (names of `--thetas`, or indices);
 * `--per-round` gives each target (in the order of `--costs`) that many pairs a round while it is
 * undecided, instead of one each (a simulated allocation, not the gate's). With `--stored`, the
 * stored-baseline rule (`stored_baseline_verdict.ts`) instead.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { Rng } from "../rng.ts";
import { DEFAULT_SEQUENTIAL_SPEC } from "./sequential_defaults.ts";
import { DEFAULT_SUITE_SPEC } from "./suite_verdict.ts";
import { designSequential, type SequentialDesign } from "./sequential_design.ts";
import {
  type Condition,
  fixedRule,
  type Rule,
  score,
  sequentialRule,
  sprtRule,
} from "./_sequential_model.ts";
import type { PlanOptions } from "./_simulate_plan.ts";
import { simulatePlan } from "./_plan_table.ts";
import { simulateStored } from "./_simulate_stored.ts";
import { parseThetaPool, poolGroups, type ThetaPool } from "./_theta_pool.ts";

const list = (s: string) => s.split(",").filter(Boolean).map(Number);

/** A `--slowed` target: its index, or its name in the `--thetas` file. */
function targetIndex(t: string, pool?: ThetaPool): number {
  if (/^\d+$/.test(t)) return Number(t);
  const i = pool ? pool.targets.indexOf(t) : -1;
  if (i < 0) {
    throw new RangeError(
      `--slowed: "${t}" is not a target${
        pool ? ` of --thetas (${pool.targets.join(", ")})` : " index"
      }`,
    );
  }
  return i;
}

function parse() {
  const d = DEFAULT_SEQUENTIAL_SPEC;
  const { values: v } = parseArgs({
    args: Deno.args,
    options: {
      trials: { type: "string", default: "20000" },
      "aa-trials": { type: "string", default: "100000" },
      s: { type: "string", default: "0.01,0.02,0.032,0.05,0.08" },
      slowdowns: { type: "string", default: "0,0.02,0.05,0.1,0.2" },
      outliers: { type: "string", default: "0,0.1" },
      "outlier-side": { type: "string", default: "both" },
      noise: { type: "string", default: "normal" },
      "shift-at": { type: "string", default: "1000" },
      "shift-factor": { type: "string", default: "1" },
      "first-effect": { type: "string", default: "0" },
      rules: { type: "string", default: "seq,fixed6" },
      "sprt-sigma": { type: "string", default: "0.032" },
      "min-pairs": { type: "string", default: String(d.minPairs) },
      "max-pairs": { type: "string", default: String(d.maxPairs) },
      margin: { type: "string", default: String(d.margin) },
      alpha: { type: "string", default: String(d.alpha) },
      detect: {
        type: "string",
        default: d.detect.map((x) => `${x.slowdown}:${x.beta}`).join(","),
      },
      statistic: { type: "string", default: d.statistic ?? "t" },
      "trim-from": { type: "string", default: String(d.trimFrom ?? 5) },
      "design-sims": { type: "string", default: "400000" },
      plan: { type: "boolean", default: false },
      stored: { type: "boolean", default: false },
      ratios: { type: "string", default: "0,0.5,1,1.5" },
      baselines: { type: "string", default: "3,5,8" },
      candidates: { type: "string", default: "5" },
      "rule-ratio": { type: "string", default: "1" },
      costs: { type: "string", default: "8,12,15,25" },
      "plan-s": { type: "string", default: "0.02,0.03,0.03,0.03" },
      budget: { type: "string", default: "540" },
      thetas: { type: "string" },
      load: { type: "string" },
      "check-boot": { type: "string", default: "0" },
      "check-sd": { type: "string", default: "0" },
      "no-suite": { type: "boolean", default: false },
      "no-groups": { type: "boolean", default: false },
      "group-sd": { type: "string", default: "0" },
      groups: { type: "string" },
      slowed: { type: "string" },
      "per-round": { type: "string" },
      "suite-margin": { type: "string", default: String(DEFAULT_SUITE_SPEC.margin) },
      "suite-alpha": { type: "string", default: String(DEFAULT_SUITE_SPEC.alpha) },
      seed: { type: "string", default: "1" },
    },
  });
  return v;
}

function rulesFor(names: string[], design: SequentialDesign, sprtSigma: number) {
  const out: [string, Rule][] = [];
  for (const n of names) {
    if (n === "seq") out.push(["sequential t", sequentialRule(design)]);
    else if (n.startsWith("fixed")) {
      const k = Number(n.slice(5)) || 6;
      out.push([`fixed ${k}, t, 2%`, fixedRule(k)]);
    } else if (n === "sprt") {
      out.push([
        `SPRT σ=${sprtSigma}`,
        sprtRule(sprtSigma, {
          alpha: design.alpha,
          beta: design.detect[0].beta,
          detect: design.detect[0].slowdown,
          minPairs: design.minPairs,
          cap: design.maxPairs,
        }),
      ]);
    } else throw new RangeError(`Unknown rule "${n}" (seq, fixedK, sprt)`);
  }
  return out;
}

const pct = (x: number) => (100 * x).toFixed(x < 0.01 && x > 0 ? 2 : 1);

/** The `--plan` options from the parsed flags. */
function planOptions(
  v: ReturnType<typeof parse>,
  base: Omit<Condition, "s" | "slowdown" | "outliers">,
  seed: number,
): PlanOptions {
  const thetas = v.thetas
    ? parseThetaPool(Deno.readTextFileSync(v.thetas), v.thetas, v.load)
    : undefined;
  return {
    ...base,
    costs: list(v.costs!),
    spreads: list(v["plan-s"]!),
    budgetS: Number(v.budget),
    slowdowns: list(v.slowdowns!),
    outliers: list(v.outliers!),
    trials: Number(v.trials),
    rng: new Rng(seed).split("plan"),
    thetas,
    checkBoot: Number(v["check-boot"]),
    checkSd: Number(v["check-sd"]),
    groupSd: Number(v["group-sd"]),
    suite: v["no-suite"] ? null : {
      ...DEFAULT_SUITE_SPEC,
      margin: Number(v["suite-margin"]),
      alpha: Number(v["suite-alpha"]),
    },
    groups: v.groups !== undefined
      ? v.groups.split(",").map((g) => g.split("+").map(Number))
      : thetas
      ? poolGroups(thetas)
      : [],
    readGroups: !v["no-groups"],
    slowed: v.slowed?.split(",").map((t) => targetIndex(t, thetas)),
    perRound: v["per-round"] === undefined ? undefined : list(v["per-round"]),
  };
}

function main() {
  const v = parse();
  const seed = Number(v.seed);
  const design = designSequential({
    minPairs: Number(v["min-pairs"]),
    maxPairs: Number(v["max-pairs"]),
    margin: Number(v.margin),
    alpha: Number(v.alpha),
    statistic: v.statistic as "t" | "trimmed",
    trimFrom: Number(v["trim-from"]),
    detect: v.detect!.split(",").map((x) => {
      const [slowdown, beta] = x.split(":").map(Number);
      return { slowdown, beta };
    }),
  }, { sims: Number(v["design-sims"]), seed });
  console.log(
    `Design: ${design.statistic}, pairs ${design.minPairs}-${design.maxPairs}, margin ${design.margin}, alpha ${design.alpha}, ` +
      `detect ${design.detect.map((d) => `${d.slowdown}:${d.beta}`).join(" ")}; nominal per look ` +
      `regressed ${design.nominal.regressed.toPrecision(4)}, unchanged ${
        design.nominal.unchanged.map((x) => x.toPrecision(4)).join(", ")
      } (${design.sims} sequences, seed ${seed})\n`,
  );
  const base = {
    outlierSide: v["outlier-side"] as Condition["outlierSide"],
    noise: v.noise as Condition["noise"],
    shiftAt: Number(v["shift-at"]),
    shiftFactor: Number(v["shift-factor"]),
    firstEffect: Number(v["first-effect"]),
  };
  if (v.stored) {
    simulateStored({
      spreads: list(v.s!),
      ratios: list(v.ratios!),
      baselines: list(v.baselines!),
      candidates: Number(v.candidates),
      slowdowns: list(v.slowdowns!),
      noise: v.noise as "normal" | "t3",
      ruleRatio: Number(v["rule-ratio"]),
      trials: Number(v.trials),
      rng: new Rng(seed).split("stored"),
    });
    return;
  }
  if (v.load !== undefined && !v.thetas) {
    throw new RangeError("--load selects rows of --thetas: give a file");
  }
  if (v.plan) {
    simulatePlan(design, planOptions(v, base, seed));
    return;
  }
  console.log(
    "| rule | s | outliers | slowdown | regressed | unchanged | inconclusive | mean pairs | p90 pairs |",
  );
  console.log(
    "| ---- | - | -------- | -------- | --------- | --------- | ------------ | ---------- | --------- |",
  );
  for (const [name, rule] of rulesFor(v.rules!.split(","), design, Number(v["sprt-sigma"]))) {
    for (const s of list(v.s!)) {
      for (const outliers of list(v.outliers!)) {
        for (const slowdown of list(v.slowdowns!)) {
          const trials = Number(slowdown === 0 ? v["aa-trials"] : v.trials);
          const rng = new Rng(seed).split(`${name}|${s}|${outliers}|${slowdown}`);
          const r = score(rule, { ...base, s, slowdown, outliers }, trials, rng);
          console.log(
            `| ${name} | ${s} | ${outliers} | ${slowdown} | ${pct(r.regressed)} | ${
              pct(r.unchanged)
            } | ${pct(r.inconclusive)} | ${r.meanPairs.toFixed(1)} | ${r.p90Pairs} |`,
          );
        }
      }
    }
  }
}

if (import.meta.main) main();
