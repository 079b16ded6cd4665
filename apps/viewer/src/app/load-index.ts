import type { ReportPayload, ViewerIndex } from '../shared/viewer-index.js';
import { REPORT_DATA_ID } from '../shared/viewer-index.js';

/** The report's embedded data, when the page is a report. */
export function readEmbeddedPayload(): ReportPayload | undefined {
  const element = document.getElementById(REPORT_DATA_ID);
  if (!element) return undefined;
  return JSON.parse(element.textContent ?? '{}') as ReportPayload;
}

/** Fetch the server's index of run summaries and experiments (revalidated with its ETag). */
export async function fetchIndex(): Promise<ViewerIndex> {
  const response = await fetch(new URL('api/index', document.baseURI), { cache: 'no-cache' });
  if (!response.ok) {
    throw new Error(`the viewer server answered ${response.status} for api/index`);
  }
  return (await response.json()) as ViewerIndex;
}
