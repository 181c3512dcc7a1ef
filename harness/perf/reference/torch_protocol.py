"""The perf suite's timing protocol, as harness/perf/protocol.ts writes it: when the warm-up
ends and how many windows of how many steps to time. The same rules and the same float
operations, so both sides decide alike (torch_runner_test.ts runs both on the same cases).
"""

import math


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
    k = p.get("planSteps") or p["settle"]["steps"]
    later = warmup_s[1:][-k:] if len(warmup_s) > 1 else warmup_s
    per = math.ceil(p["targetWindowS"] / max(median(later), 1e-6))
    return p["windows"], min(p["maxBatchesPerWindow"], max(1, per)), None


def slow_reason(warmup_s, p):
    later = warmup_s[1:]
    if later and max(later) > p["slowBatchS"]:
        return f"a step took {max(later):.1f} s"
    if warmup_s[0] > p["slowFirstBatchS"]:
        return f"the first step took {warmup_s[0]:.1f} s"
    return None
