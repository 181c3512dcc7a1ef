/// <reference lib="dom" />
/**
 * Test-only page entry (bundled like the real ones): a training task that never answers,
 * spinning the page's thread, to check that a hanging page is stopped at its limit.
 */
import { servePage } from "../run/browser/page/shell.ts";

servePage({
  train: () => {
    for (;;) {
      // Spin: the renderer is busy and cannot even run a timer.
    }
  },
});
