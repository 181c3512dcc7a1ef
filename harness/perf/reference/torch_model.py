"""The declaration's model, optimizer and loss, translated to PyTorch.

Translation notes:
- conv2d 'valid' is padding 0; 'same' pads like TensorFlow (the extra row/column at the
  bottom/right) with an explicit ZeroPad2d, since torch's padding='same' needs stride 1.
- Data is NCHW, PyTorch's layout (torch_train.py converts it once). nn.Flatten therefore
  orders features (C, H, W) where Keras orders them (H, W, C): the following Linear layer has
  the same shape and cost, only its weights would be permuted, so throughput is unaffected.
- Dense in_features are inferred by running a dummy example through the layers built so far.
- A spec ending in softmax with a cross-entropy loss trains on logits with
  nn.CrossEntropyLoss (log-softmax + NLL): the same function as Keras's softmax followed by
  categorical cross-entropy, computed stably; predict() still applies the softmax.
- Initial weights use PyTorch's defaults, seeded; they do not affect throughput.

Layer types are checked (check_spec) before torch is imported, so an unknown type is refused
even where torch is missing.
"""

import math

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
