"""PyTorch reference for reprobench's perf suite.

The harness drives this script; the experiment declaration stays the single source of truth.
It is called as `torch_train.py JOB.json` where the job holds the model spec (the declaration's
layers, as JSON), optimizer, loss, batch size, the timing protocol and the paths of the data
the harness wrote (float32 NHWC examples, int32 labels). It builds the same architecture in
PyTorch (torch_model.py), trains with the harness's windows protocol (torch_protocol.py) and
prints one JSON document on stdout, with the machine's matmul peak (torch_peak.py).
`torch_train.py --params JOB.json` only builds the model and prints its parameter count.

The shuffle is numpy's seeded permutation, not the harness's generator: throughput only.
"""

import json
import math
import os
import sys
import time

# The modules beside this script are imported from here: no __pycache__ in the source tree.
sys.dont_write_bytecode = True

from torch_model import SpecError, build, check_spec, optimizer_for
from torch_peak import blas_info, matmul_peak
from torch_protocol import plan_windows, warmup_end, warmup_note


def load(job, prefix):
    import numpy as np
    shape = job["inputShape"]
    x = np.fromfile(job[prefix + "X"], dtype=np.float32).reshape(-1, *shape)
    if len(shape) == 3:
        x = np.ascontiguousarray(x.transpose(0, 3, 1, 2))  # NHWC -> NCHW, once
    y = np.fromfile(job[prefix + "Y"], dtype=np.int32)
    return x, y


def trainer(job, model, folded):
    """One training step over the next batch of a seeded shuffle, and its loop times."""
    import numpy as np
    import torch
    from torch import nn
    train_model = model[:-1] if folded else model
    opt = optimizer_for(job["optimizer"], model.parameters())
    loss_fn = nn.CrossEntropyLoss() if folded else nn.MSELoss()
    x_np, y_np = load(job, "train")
    x_all, y_all = torch.from_numpy(x_np), torch.from_numpy(y_np).long()
    n, bs = len(y_np), job["batchSize"]
    rng = np.random.default_rng(job["seed"])
    state = {"order": torch.from_numpy(rng.permutation(n)), "b": 0}
    batches = math.ceil(n / bs)
    loop = {"dataS": 0.0, "stepS": 0.0, "metricsS": 0.0, "progressS": 0.0, "loopS": 0.0}

    def step():
        if state["b"] == batches:
            state["order"], state["b"] = torch.from_numpy(rng.permutation(n)), 0
        t0 = time.perf_counter()
        idx = state["order"][state["b"] * bs:(state["b"] + 1) * bs]
        xb, yb = x_all[idx], y_all[idx]
        if not folded:
            yb = yb.float().unsqueeze(1)
        t1 = time.perf_counter()
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(train_model(xb), yb)
        loss.backward()
        opt.step()
        value = loss.item()
        t2 = time.perf_counter()
        if not math.isfinite(value):
            raise RuntimeError(f"Training loss is {value}")
        state["b"] += 1
        t3 = time.perf_counter()
        loop["dataS"] += t1 - t0
        loop["stepS"] += t2 - t1
        loop["metricsS"] += t3 - t2
        return len(idx)

    return step, loop


def timed_training(step, p):
    """Warm-up steps until the protocol's rule ends them, then timed windows (images/s)."""
    warmup, end = [], None
    while end is None:
        t0 = time.perf_counter()
        step()
        warmup.append(time.perf_counter() - t0)
        end = warmup_end(warmup, p, False)
    windows_n, per, bounded = plan_windows(warmup, p, False)
    slow = bounded is not None
    windows = []
    timed_start = time.perf_counter()
    for w in range(windows_n):
        # The budget rule of budgetNote() in harness/perf/protocol.ts.
        if (not bounded and time.perf_counter() - timed_start >= p["maxTimedS"]
                and w >= p["minWindows"]):
            bounded = f"stopped after {w} of {windows_n} windows at the {p['maxTimedS']} s budget"
            break
        t0 = time.perf_counter()
        images = sum(step() for _ in range(per))
        windows.append(images / (time.perf_counter() - t0))
    bounded = "; ".join(x for x in (bounded, warmup_note(end, p)) if x) or None
    return {"warmup": warmup, "windows": windows, "per": per, "bounded": bounded, "slow": slow}


def latencies(model, x, lat):
    """Milliseconds of each timed inference call on `x`, after untimed warm-up calls."""
    import torch
    out = []
    with torch.no_grad():
        for i in range(lat["warmup"] + lat["repeats"]):
            t0 = time.perf_counter()
            model(x).numpy()
            if i >= lat["warmup"]:
                out.append((time.perf_counter() - t0) * 1000)
    return out


def run(job):
    import torch
    p = job["protocol"]
    torch.set_num_threads(p["torchThreads"])
    torch.manual_seed(job["seed"])
    model, folded = build(job["model"], job["loss"])
    step, loop = trainer(job, model, folded)
    model.train()
    start = time.perf_counter()
    timed = timed_training(step, p)
    loop["loopS"] = time.perf_counter() - start

    model.eval()
    x_test, _ = load(job, "test")
    large = min(job["largeBatch"], len(x_test))
    # As in tf_runner.ts: a bounded (slow) run times inference less too.
    slow = timed["slow"]
    lat = {"warmup": 1, "repeats": min(2, p["latency"]["repeats"])} if slow else p["latency"]
    t = torch.from_numpy(x_test)
    b1, bl = latencies(model, t[:1], lat), latencies(model, t[:large], lat)
    peak, peak_mm, peak_conv = matmul_peak(p["peak"])
    return {
        "warmupStepS": timed["warmup"],
        "windowImagesPerS": timed["windows"],
        "batchesPerWindow": timed["per"],
        "batchSize": job["batchSize"],
        "bounded": timed["bounded"],
        "latencyB1Ms": b1,
        "latencyLargeMs": bl,
        "largeBatch": large,
        "peakGflops": peak,
        "peakMmGflops": peak_mm,
        "peakConvGflops": peak_conv,
        "peakN": p["peak"]["n"],
        "params": sum(q.numel() for q in model.parameters()),
        "loop": loop,
        "info": {
            "name": "pytorch-cpu", "torch": torch.__version__, "threads": torch.get_num_threads(),
            "python": sys.version.split()[0], "mkldnn": torch.backends.mkldnn.is_available(),
            "lossOnLogits": folded, "blas": blas_info(),
            "ompWaitPolicy": os.environ.get("OMP_WAIT_POLICY", "(default)"),
        },
    }


def main(argv):
    params_only = argv[1:2] == ["--params"]
    path = argv[2] if params_only else argv[1]
    with open(path) as f:
        job = json.load(f)
    try:
        check_spec(job["model"])
        if params_only:
            model, _ = build(job["model"], job["loss"])
            out = {"params": sum(q.numel() for q in model.parameters())}
        else:
            out = run(job)
    except SpecError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
