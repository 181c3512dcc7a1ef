// Draws every element with a `data-chart` spec (see ChartSpec in _view.tsx) with uPlot.
(() => {
  const COLORS = [
    "#2f5fb3",
    "#d9480f",
    "#2b8a3e",
    "#862e9c",
    "#c2255c",
    "#0b7285",
    "#e67700",
    "#495057",
  ];
  for (const el of document.querySelectorAll("[data-chart]")) {
    const spec = JSON.parse(el.dataset.chart);
    let color = 0;
    const series = spec.series.map((s) => {
      const stroke = s.pointsOnly ? "#c62828" : COLORS[color++ % COLORS.length];
      return {
        label: s.label,
        stroke,
        width: s.pointsOnly ? 0 : 1.6,
        dash: s.dash ? [6, 4] : undefined,
        spanGaps: true,
        points: {
          show: s.pointsOnly || spec.x.length <= 60,
          size: s.pointsOnly ? 10 : 5,
          fill: stroke,
        },
        paths: s.pointsOnly ? () => null : undefined,
      };
    });
    const ticks = spec.xTicks;
    const opts = {
      title: spec.title,
      width: Math.max(380, el.clientWidth - 12),
      height: 260,
      // One point (one epoch, one commit) gets a window around it instead of a zero-width axis.
      scales: {
        x: spec.x.length === 1
          ? { time: false, range: [spec.x[0] - 1, spec.x[0] + 1] }
          : { time: false },
      },
      series: [{
        label: spec.xLabel,
        value: ticks ? (_u, v) => (v == null ? "" : ticks[v] ?? v) : undefined,
      }, ...series],
      axes: [
        {
          label: spec.xLabel,
          // Epochs and commit positions are whole numbers: never tick between them.
          incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000],
          values: ticks
            ? (_u, vals) => vals.map((v) => (Number.isInteger(v) ? ticks[v] ?? "" : ""))
            : undefined,
        },
        { label: spec.yLabel, size: 60 },
      ],
    };
    new uPlot(opts, [spec.x, ...spec.series.map((s) => s.values)], el);
    el.dataset.drawn = String(spec.x.length);
  }
})();
