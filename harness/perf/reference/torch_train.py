"""PyTorch reference for reprobench's perf suite.

The harness drives this script; the experiment declaration stays the single source of truth.
It is called as `torch_train.py JOB.json` where the job holds the model spec (the declaration's
layers, as JSON), optimizer, loss, batch size, the timing protocol and the paths of the data
the harness wrote (float32 NHWC examples, int32 labels). It builds the same architecture in
PyTorch, trains with the harness's windows protocol and prints one JSON document on stdout.
`torch_train.py --params JOB.json` only builds the model and prints its parameter count.

Translation notes:
- conv2d 'valid' is padding 0; 'same' pads like TensorFlow (the extra row/column at the
  bottom/right) with an explicit ZeroPad2d, since torch's padding='same' needs stride 1.
- Data is converted once to NCHW, PyTorch's layout. nn.Flatten therefore orders features
  (C, H, W) where Keras orders them (H, W, C): the following Linear layer has the same shape and
  cost, only its weights would be permuted, so throughput is unaffected.
- Dense in_features are inferred by running a dummy example through the layers built so far.
- A spec ending in softmax with a cross-entropy loss trains on logits with
  nn.CrossEntropyLoss (log-softmax + NLL): the same function as Keras's softmax followed by
  categorical cross-entropy, computed stably; predict() still applies the softmax.
- Initial weights use PyTorch's defaults, seeded; they do not affect throughput.
- The shuffle is numpy's seeded permutation, not the harness's generator: throughput only.

Layer types are checked before torch is imported, so an unknown type is refused even where
torch is missing.
"""

import json
import math
import os
import sys
import time

KNOWN_LAYERS = (
    "conv2d", "maxPooling2d", "averagePooling2d", "flatten", "dense", "dropout", "activation",
    "reshape",
)
ACTIVATIONS = ("linear", "relu", "sigmoid", "tanh", "softmax", "elu", "selu", "softplus", "softsign")


class SpecError(ValueError):
    """A declaration this reference cannot translate: exit status 2, message on stderr."""


def check_spec(spec):
    if spec.get("key") != "sequential":
        raise SpecError(f'Unknown model key "{spec.get("key")}" (known: sequential)')
    for i, layer in enumerate(spec["layers"]):
        t = layer.get("type")
        if t not in KNOWN_LAYERS:
            raise SpecError(
                f'Unknown layer type "{t}" at layers[{i}]: the PyTorch reference knows '
                + ", ".join(KNOWN_LAYERS))
        act = layer.get("activation")
        if act is not None and act not in ACTIVATIONS:
            raise SpecError(
                f'Unknown activation "{act}" at layers[{i}] (known: {", ".join(ACTIVATIONS)})')
        if layer.get("dataFormat", "channelsLast") != "channelsLast":
            raise SpecError(f"layers[{i}]: only dataFormat channelsLast is translated")


def pair(v, default):
    if v is None:
        return (default, default)
    if isinstance(v, (int, float)):
        return (int(v), int(v))
    return (int(v[0]), int(v[1]))


def same_padding(size, k, stride, dilation):
    """TensorFlow's 'same' padding along one axis: (before, after)."""
    span = (k - 1) * dilation + 1
    out = math.ceil(size / stride)
    total = max((out - 1) * stride + span - size, 0)
    return total // 2, total - total // 2


def build(spec, loss):
    """The torch modules for `spec`, and whether the final softmax is folded into the loss."""
    import torch
    from torch import nn

    def activation(name):
        return {
            None: None, "linear": None, "relu": nn.ReLU(), "sigmoid": nn.Sigmoid(),
            "tanh": nn.Tanh(), "softmax": nn.Softmax(dim=-1), "elu": nn.ELU(), "selu": nn.SELU(),
            "softplus": nn.Softplus(), "softsign": nn.Softsign(),
        }[name]

    shape = spec["inputShape"]
    # NHWC declaration -> NCHW dummy; 1-D inputs stay (N, features).
    x = torch.zeros(1, shape[2], shape[0], shape[1]) if len(shape) == 3 else torch.zeros(1, *shape)
    modules = []

    def add(m):
        nonlocal x
        if m is None:
            return
        modules.append(m)
        with torch.no_grad():
            x = m(x)

    for layer in spec["layers"]:
        t = layer["type"]
        if t == "conv2d":
            kh, kw = pair(layer.get("kernelSize"), 1)
            sh, sw = pair(layer.get("strides"), 1)
            dh, dw = pair(layer.get("dilationRate"), 1)
            if layer.get("padding", "valid") == "same":
                top, bottom = same_padding(x.shape[2], kh, sh, dh)
                left, right = same_padding(x.shape[3], kw, sw, dw)
                add(nn.ZeroPad2d((left, right, top, bottom)))
            add(nn.Conv2d(x.shape[1], int(layer["filters"]), (kh, kw), (sh, sw),
                          dilation=(dh, dw), bias=layer.get("useBias", True)))
            add(activation(layer.get("activation")))
        elif t in ("maxPooling2d", "averagePooling2d"):
            k = pair(layer.get("poolSize"), 2)
            s = pair(layer.get("strides") or layer.get("poolSize"), 2)
            if layer.get("padding", "valid") == "same":
                if t == "averagePooling2d":
                    raise SpecError("averagePooling2d with padding 'same' is not translated")
                top, bottom = same_padding(x.shape[2], k[0], s[0], 1)
                left, right = same_padding(x.shape[3], k[1], s[1], 1)
                add(nn.ConstantPad2d((left, right, top, bottom), float("-inf")))
            add(nn.MaxPool2d(k, s) if t == "maxPooling2d" else nn.AvgPool2d(k, s))
        elif t == "flatten":
            add(nn.Flatten())
        elif t == "reshape":
            if len(layer["targetShape"]) != 1:
                raise SpecError("reshape is translated only to a 1-D target (a flatten)")
            add(nn.Flatten())
        elif t == "dense":
            add(nn.Linear(x.shape[-1], int(layer["units"]), bias=layer.get("useBias", True)))
            add(activation(layer.get("activation")))
        elif t == "dropout":
            add(nn.Dropout(float(layer["rate"])))
        elif t == "activation":
            add(activation(layer.get("activation")))
    folded = (loss in ("categoricalCrossentropy", "sparseCategoricalCrossentropy")
              and isinstance(modules[-1], nn.Softmax))
    if loss in ("categoricalCrossentropy", "sparseCategoricalCrossentropy") and not folded:
        raise SpecError("cross-entropy is translated only for a model that ends in softmax")
    return nn.Sequential(*modules), folded


def optimizer_for(spec, params):
    import torch
    name, lr = spec["name"], spec["learningRate"]
    if name == "adam":
        return torch.optim.Adam(params, lr=lr, betas=(spec.get("beta1", 0.9), spec.get("beta2", 0.999)),
                                eps=spec.get("epsilon", 1e-7))
    if name == "sgd":
        return torch.optim.SGD(params, lr=lr, momentum=spec.get("momentum", 0) or 0)
    if name == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, alpha=0.9, momentum=spec.get("momentum", 0) or 0,
                                   eps=spec.get("epsilon", 1e-7))
    if name == "adagrad":
        return torch.optim.Adagrad(params, lr=lr, initial_accumulator_value=0.1)
    raise SpecError(f'Unknown optimizer "{name}"')


def median(xs):
    """The type-7 median of harness/core/stats (the same float operations, so both sides agree)."""
    s = sorted(xs)
    h = (len(s) - 1) * 0.5
    lo = math.floor(h)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (h - lo) * (s[hi] - s[lo])


def warmup_end(warmup_s, p, stock):
    """The same rule as warmupEnd() in harness/perf/protocol.ts: None to go on."""
    n = len(warmup_s)
    if n <= p["warmupBatches"] and (stock or slow_reason(warmup_s, p)):
        return "bounded" if n >= p["bounded"]["warmupBatches"] else None
    if n < p["warmupBatches"]:
        return None
    total = 0.0
    for s in warmup_s:  # left to right, as Array.reduce (sum() compensates from 3.12)
        total += s
    if total >= p["warmupS"]["max"]:
        return "cap"
    return "settled" if total >= p["warmupS"]["min"] and settled(warmup_s, p) else None


def settled(warmup_s, p):
    """The same rule as settled() in harness/perf/protocol.ts."""
    k, later = p["settle"]["steps"], warmup_s[1:]
    if len(later) < 2 * k:
        return False
    return median(later[-k:]) >= (1 - p["settle"]["tolerance"]) * median(later[-2 * k:-k])


def warmup_note(end, p):
    """The same note as warmupNote() in harness/perf/protocol.ts."""
    return f"warm-up stopped at its {p['warmupS']['max']} s cap before settling" if end == "cap" else None


def plan_windows(warmup_s, p, stock):
    """The same rule as planWindows() in harness/perf/protocol.ts."""
    slow = slow_reason(warmup_s[:p["warmupBatches"]], p)
    b = p["bounded"]
    if stock:
        return b["windows"], 1, f"stock kernels: {b['warmupBatches']} warm-up + {b['windows']} timed steps"
    if slow:
        return b["windows"], 1, f"{slow}: {len(warmup_s)} warm-up + {b['windows']} timed steps only"
    later = warmup_s[1:][-p["settle"]["steps"]:] if len(warmup_s) > 1 else warmup_s
    per = math.ceil(p["targetWindowS"] / max(median(later), 1e-6))
    return p["windows"], min(p["maxBatchesPerWindow"], max(1, per)), None


def slow_reason(warmup_s, p):
    later = warmup_s[1:]
    if later and max(later) > p["slowBatchS"]:
        return f"a step took {max(later):.1f} s"
    if warmup_s[0] > p["slowFirstBatchS"]:
        return f"the first step took {warmup_s[0]:.1f} s"
    return None


def matmul_peak(pk):
    """GFLOP/s of an n x n x n float32 GEMM, two ways: torch.mm goes through the BLAS torch
    was built with (Debian's build uses the generic reference BLAS unless OpenBLAS is
    installed), a 1x1 convolution through oneDNN, which also runs the reference's conv layers.
    The peak is the better of the two, per timed call."""
    import torch
    import torch.nn.functional as F
    n = pk["n"]
    gen = torch.Generator().manual_seed(1)
    a, b = torch.rand(n, n, generator=gen), torch.rand(n, n, generator=gen)
    x, w = a.reshape(n, n, 1, 1), b.reshape(n, n, 1, 1)

    def timed(f):
        out = []
        for i in range(pk["warmup"] + pk["repeats"]):
            t0 = time.perf_counter()
            f()
            if i >= pk["warmup"]:
                out.append(2 * n ** 3 / (time.perf_counter() - t0) / 1e9)
        return out

    with torch.no_grad():
        mm = timed(lambda: torch.mm(a, b))
        conv = timed(lambda: F.conv2d(x, w))
    return [max(p, q) for p, q in zip(mm, conv)], mm, conv


def blas_info():
    import torch
    text = torch.__config__.show()
    i = text.find("BLAS_INFO=")
    return text[i + len("BLAS_INFO="):].split(",")[0] if i >= 0 else "unknown"


def load(job, prefix):
    import numpy as np
    shape = job["inputShape"]
    x = np.fromfile(job[prefix + "X"], dtype=np.float32).reshape(-1, *shape)
    if len(shape) == 3:
        x = np.ascontiguousarray(x.transpose(0, 3, 1, 2))  # NHWC -> NCHW, once
    y = np.fromfile(job[prefix + "Y"], dtype=np.int32)
    return x, y


def run(job):
    import numpy as np
    import torch
    from torch import nn
    p = job["protocol"]
    torch.set_num_threads(p["torchThreads"])
    torch.manual_seed(job["seed"])
    model, folded = build(job["model"], job["loss"])
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

    model.train()
    start = time.perf_counter()
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
    loop["loopS"] = time.perf_counter() - start

    model.eval()
    x_test, _ = load(job, "test")
    large = min(job["largeBatch"], len(x_test))
    # As in tf_runner.ts: a bounded (slow) run times inference less too.
    lat = {"warmup": 1, "repeats": min(2, p["latency"]["repeats"])} if slow else p["latency"]

    def latencies(x):
        out = []
        with torch.no_grad():
            for i in range(lat["warmup"] + lat["repeats"]):
                t0 = time.perf_counter()
                model(x).numpy()
                if i >= lat["warmup"]:
                    out.append((time.perf_counter() - t0) * 1000)
        return out

    t = torch.from_numpy(x_test)
    b1, bl = latencies(t[:1]), latencies(t[:large])
    peak, peak_mm, peak_conv = matmul_peak(p["peak"])
    return {
        "warmupStepS": warmup,
        "windowImagesPerS": windows,
        "batchesPerWindow": per,
        "batchSize": bs,
        "bounded": bounded,
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
