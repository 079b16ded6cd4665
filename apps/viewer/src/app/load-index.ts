import type { ReportPayload, ViewerIndex } from '../shared/viewer-index.js';
import { REPORT_DATA_ID } from '../shared/viewer-index.js';

/** The report's embedded data, when the page is a report. */
export function readEmbeddedPayload(): ReportPayload | undefined {
  const element = document.getElementById(REPORT_DATA_ID);
  if (!element) return undefined;
  return JSON.parse(element.textContent ?? '{}') as ReportPayload;
}

/** Fetch the server's index of runs and experiments; its text too, to notice changes. */
export async function fetchIndex(): Promise<{ index: ViewerIndex; text: string }> {
  const response = await fetch(new URL('api/index', document.baseURI), { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`the viewer server answered ${response.status} for api/index`);
  }
  const text = await response.text();
  return { index: JSON.parse(text) as ViewerIndex, text };
}
