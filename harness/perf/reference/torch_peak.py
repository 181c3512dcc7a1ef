"""What the machine offers the reference: the float32 matmul peak and the BLAS torch uses."""

import time


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
