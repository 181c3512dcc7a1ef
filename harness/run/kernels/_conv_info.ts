/** The geometry of a convolution, from the attributes its kernels (and their gradients) take. */
import { backend_util, type Conv2DAttrs } from "@tensorflow/tfjs-core";

/** The attributes that shape a convolution; dilation is 1 unless given. */
export type ConvAttrs =
  & Pick<Conv2DAttrs, "strides" | "pad" | "dataFormat" | "dimRoundingMode">
  & Partial<Pick<Conv2DAttrs, "dilations">>;

/**
 * The geometry of convolving `xShape` by `filterShape` under `attrs` (NCHW read as channels
 * first): what tfjs's own conv kernels and their gradients compute it from.
 */
export function convInfo(
  xShape: readonly number[],
  filterShape: readonly number[],
  attrs: ConvAttrs,
): backend_util.Conv2DInfo {
  return backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides,
    attrs.dilations ?? 1,
    attrs.pad,
    attrs.dimRoundingMode,
    false,
    attrs.dataFormat === "NCHW" ? "channelsFirst" : "channelsLast",
  );
}
