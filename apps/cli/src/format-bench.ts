import type { PytorchSpeed } from '@fmnist/train';

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
      msPerStep: number;
      secondsPerEpoch: number;
      samplesPerSecond: number;
      peakRssBytes: number;
      rssPerEpochBytes?: number[];
      steps: number;
      batchSize: number;
    }
  | { backend: string; available: false; reason: string };

/** What `fmnist bench` measured. */
export interface BenchReport {
  preset: string;
  dataset?: {
    location: string;
    kind: string;
    coldSeconds: number;
    warmSeconds: number;
    trainCount: number;
  };
  results: BenchResult[];
  /** PyTorch's epoch for the same network and data, when Debian's python3-torch is there. */
  pytorch?: ({ available: true } & PytorchSpeed) | { available: false; reason: string };
}

const megabytes = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

/** The bench report as an aligned table, one row per backend. */
export function formatBench(report: BenchReport): string {
  const lines: string[] = [];
  if (report.dataset) {
    const d = report.dataset;
    lines.push(
      `dataset: ${d.location} (${d.kind}) — cold load ${d.coldSeconds.toFixed(2)}s, warm load ${d.warmSeconds.toFixed(2)}s`,
    );
  }
  const first = report.results.find((r) => r.available);
  lines.push(
    `preset ${report.preset}${first?.available ? `, batch ${first.batchSize}, median of ${first.steps} timed steps` : ''}`,
    '',
  );
  const header = ['backend', 'threads', 'matmul', 'ms/step', 's/epoch', 'samples/s', 'peak RSS'];
  const rows = report.results.map((r) =>
    r.available
      ? [
          r.backend,
          r.threads?.toString() ?? '?',
          r.matmul ?? '?',
          r.msPerStep.toFixed(1),
          r.secondsPerEpoch.toFixed(1),
          Math.round(r.samplesPerSecond).toString(),
          megabytes(r.peakRssBytes),
        ]
      : [r.backend, 'not available:', r.reason],
  );
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
        `${r.backend} RSS after each epoch: ${r.rssPerEpochBytes.map(megabytes).join(', ')}`,
      );
    }
  }
  const torch = report.pytorch;
  if (torch?.available) {
    lines.push(
      '',
      `pytorch ${torch.torch} (${torch.threads} threads, batch ${torch.batchSize}): ${torch.secondsPerEpoch.toFixed(2)} s/epoch (median of ${torch.epochs.length} whole epochs: ${torch.epochs.map((e) => e.toFixed(2)).join(', ')}), ${torch.msPerStep.toFixed(1)} ms/step, peak RSS ${megabytes(torch.peakRssBytes)}`,
    );
    for (const r of report.results) {
      if (r.available) {
        lines.push(
          `ratio ${r.backend} / pytorch (s/epoch): ${(r.secondsPerEpoch / torch.secondsPerEpoch).toFixed(2)}×`,
        );
      }
    }
  } else if (torch) {
    lines.push('', torch.reason);
  }
  return lines.join('\n');
}
