import type { PytorchSpeed, StepFloor } from '@fmnist/train/bench';

/** One backend's line of `fmnist bench`. */
export type BenchResult =
  | {
      backend: string;
      available: true;
      reason: string;
      /** Threads the backend computed on (absent in reports from before it was recorded). */
      threads?: number;
      /** What ran the matrix products, e.g. OpenBLAS or XNNPACK (absent in older reports). */
      matmul?: string;
      /** What ran the steps: the native fused step or tfjs (absent in older reports). */
      engine?: 'native' | 'tfjs';
      msPerStep: number;
      /** The median of `epochSeconds`. */
      secondsPerEpoch: number;
      /** Wall seconds of each timed epoch. */
      epochSeconds?: number[];
      samplesPerSecond: number;
      peakRssBytes: number;
      rssPerEpochBytes?: number[];
      /** Steps timed per epoch. */
      steps: number;
      stepsPerEpoch?: number;
      /** Whether each epoch was timed on `steps` of its steps and scaled up. */
      extrapolated?: boolean;
      batchSize: number;
    }
  | { backend: string; available: false; reason: string };

/** What `fmnist bench` measured. */
export interface BenchReport {
  preset: string;
  batchSize?: number;
  dataset?: {
    location: string;
    kind: string;
    coldSeconds: number;
    warmSeconds: number;
    trainCount: number;
  };
  results: BenchResult[];
  /** PyTorch's epochs for the same network and data in four thread settings, and the fastest. */
  pytorch?:
    | { available: true; settings: PytorchSpeed[]; best: PytorchSpeed }
    | { available: false; reason: string };
  /** The step's matrix products timed alone at their best thread counts, summed. */
  floor?: ({ available: true } & StepFloor) | { available: false; reason: string };
}

const megabytes = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

/** The bench report as an aligned table, one row per backend, then PyTorch's settings and the floor. */
export function formatBench(report: BenchReport): string {
  const lines: string[] = [];
  if (report.dataset) {
    const d = report.dataset;
    lines.push(
      `dataset: ${d.location} (${d.kind}) — cold load ${d.coldSeconds.toFixed(2)}s, warm load ${d.warmSeconds.toFixed(2)}s`,
    );
  }
  const first = report.results.find((r) => r.available);
  const epochs = first?.available ? (first.epochSeconds?.length ?? 1) : 0;
  lines.push(
    `preset ${report.preset}${first?.available ? `, batch ${first.batchSize}, s/epoch = median of ${epochs} whole epochs${first.extrapolated ? ` (each timed on ${first.steps} of its ${first.stepsPerEpoch} steps and scaled)` : ''}` : ''}`,
    '',
  );
  const torch = report.pytorch?.available ? report.pytorch.best : undefined;
  const floor = report.floor?.available ? report.floor : undefined;
  const header = [
    'backend',
    'threads',
    'matmul',
    'ms/step',
    's/epoch',
    'samples/s',
    'peak RSS',
    'step',
  ];
  if (torch) header.push('× pytorch best');
  if (floor) header.push('× floor');
  const rows = report.results.map((r) => {
    if (!r.available) return [r.backend, 'not available:', r.reason];
    const row = [
      r.backend,
      r.threads?.toString() ?? '?',
      r.matmul ?? '?',
      r.msPerStep.toFixed(2),
      r.secondsPerEpoch.toFixed(2),
      Math.round(r.samplesPerSecond).toString(),
      megabytes(r.peakRssBytes),
      r.engine ?? '?',
    ];
    if (torch) row.push(`${(r.secondsPerEpoch / torch.secondsPerEpoch).toFixed(2)}×`);
    if (floor) row.push(`${(r.secondsPerEpoch / floor.secondsPerEpoch).toFixed(2)}×`);
    return row;
  });
  const widths = header.map((h, i) =>
    Math.max(
      h.length,
      ...rows.filter((row) => row.length === header.length).map((row) => row[i]?.length ?? 0),
    ),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) =>
        i === 0
          ? cell.padEnd(widths[0] ?? 0)
          : cells.length === header.length
            ? cell.padStart(widths[i] ?? 0)
            : cell,
      )
      .join('  ')
      .trimEnd();
  lines.push(line(header), ...rows.map(line));
  for (const r of report.results) {
    if (r.available && r.rssPerEpochBytes && r.rssPerEpochBytes.length > 1) {
      lines.push(
        `${r.backend} epochs: ${(r.epochSeconds ?? []).map((s) => `${s.toFixed(2)}s`).join(', ')}; RSS after each: ${r.rssPerEpochBytes.map(megabytes).join(', ')}`,
      );
    }
  }
  if (report.pytorch?.available) {
    lines.push('', `pytorch ${report.pytorch.best.torch}, batch ${report.pytorch.best.batchSize}:`);
    for (const s of report.pytorch.settings) {
      const mark = s === report.pytorch.best ? '  ← fastest' : '';
      lines.push(
        `  torch threads ${s.threads}, OPENBLAS_NUM_THREADS ${s.openblasThreads}: ${s.secondsPerEpoch.toFixed(2)} s/epoch (median of ${s.epochs.map((e) => e.toFixed(2)).join(', ')}), peak RSS ${megabytes(s.peakRssBytes)}${mark}`,
      );
    }
  } else if (report.pytorch) {
    lines.push('', report.pytorch.reason);
  }
  if (floor) {
    lines.push(
      '',
      `floor: ${floor.msPerStep.toFixed(2)} ms/step, ${floor.secondsPerEpoch.toFixed(2)} s/epoch — the step's ${floor.products.length} products each timed alone at its best thread count (OpenBLAS' threads, or its rows split over the step's own), summed`,
    );
  } else if (report.floor && !report.floor.available) {
    lines.push('', `floor not measured: ${report.floor.reason}`);
  }
  return lines.join('\n');
}
