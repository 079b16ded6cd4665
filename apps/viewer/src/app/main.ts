import './styles.css';
import { readExperimentEntry } from '../data/read-experiment-entry.js';
import { readRunEntry } from '../data/read-run-entry.js';
import type { ViewerIndex } from '../shared/viewer-index.js';
import { confusionView } from './confusion-view.js';
import { curvesView } from './curves-view.js';
import { h } from './dom.js';
import { experimentsView } from './experiments-view.js';
import { fetchIndex, readEmbeddedPayload } from './load-index.js';
import { mistakesView } from './mistakes-view.js';
import { openDroppedFiles } from './open-dropped-files.js';
import { reportView } from './report-view.js';
import { runsView } from './runs-view.js';
import { type AppState, VIEWS, type View, type ViewContext, type ViewId } from './state.js';
import { tryItView } from './try-it-view.js';

const POLL_MS = 2000;

const RENDER: Record<ViewId, (context: ViewContext) => View> = {
  runs: runsView,
  experiments: experimentsView,
  curves: curvesView,
  confusion: confusionView,
  report: reportView,
  mistakes: mistakesView,
  'try-it': tryItView,
};

function applyIndex(state: AppState, index: ViewerIndex): void {
  state.runs = index.runs.map(readRunEntry);
  const dropped = state.experiments.filter((e) => e.key.startsWith('dropped/'));
  state.experiments = [...index.experiments.map(readExperimentEntry), ...dropped];
}

function currentViewId(): ViewId {
  const id = location.hash.replace(/^#\/?/, '');
  return VIEWS.some((v) => v.id === id) ? (id as ViewId) : 'runs';
}

async function start(root: HTMLElement): Promise<void> {
  const payload = readEmbeddedPayload();
  const state: AppState = {
    mode: payload ? 'report' : 'server',
    runs: [],
    experiments: [],
    dropped: [],
    selected: new Set(),
    currentRun: undefined,
    sort: { column: 'name', direction: 'ascending' },
    filter: '',
    models: payload?.models ?? {},
    modelsLeftOut: payload?.modelsLeftOut ?? {},
    notice: undefined,
  };
  let lastText = '';
  let loadError: string | undefined;
  if (payload) {
    applyIndex(state, payload);
  } else {
    try {
      const { index, text } = await fetchIndex();
      lastText = text;
      applyIndex(state, index);
    } catch (error) {
      loadError = `Could not load the runs: ${(error as Error).message}`;
    }
  }

  const main = h('main', { id: 'main', tabindex: '-1' });
  const notice = h('p', { class: 'notice', role: 'status' });
  const nav = h(
    'nav',
    { 'aria-label': 'Views' },
    h(
      'ul',
      null,
      VIEWS.map((v) => h('li', null, h('a', { href: `#${v.id}`, 'data-view': v.id }, v.title))),
    ),
  );
  const fileInput = h('input', {
    type: 'file',
    accept: '.json,application/json',
    multiple: true,
    id: 'open-file',
  });
  const context: ViewContext = {
    state,
    allRuns: () => [...state.runs, ...state.dropped],
    navigate: (view) => {
      if (currentViewId() === view) render();
      else location.hash = `#${view}`;
    },
    rerender: () => render(),
  };

  let view: View | undefined;
  const render = () => {
    view?.dispose?.();
    const id = currentViewId();
    for (const link of nav.querySelectorAll('a')) {
      if (link.dataset.view === id) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    document.title = `${VIEWS.find((v) => v.id === id)?.title} · fmnist ${state.mode === 'report' ? 'report' : 'viewer'}`;
    try {
      view = RENDER[id](context);
    } catch (error) {
      view = {
        element: h(
          'section',
          { role: 'alert' },
          h('h1', null, 'This view failed'),
          h('p', null, (error as Error).message),
        ),
      };
    }
    main.replaceChildren(
      ...(loadError ? [h('p', { role: 'alert', class: 'problems' }, loadError)] : []),
      view.element,
    );
    view.mounted?.();
  };

  const openFiles = async (files: readonly File[]) => {
    const opened = await openDroppedFiles(state, files);
    const first = opened.find((run) => run.record);
    notice.textContent = opened
      .map((run) =>
        run.record
          ? `Opened ${run.record.name} from ${run.source}.`
          : `${run.source}: ${run.problem}`,
      )
      .join(' ');
    if (first) {
      state.currentRun = first.key;
      state.selected = new Set([first.key]);
      context.navigate('curves');
    } else {
      context.navigate('runs');
    }
  };
  fileInput.addEventListener('change', () => {
    void openFiles([...(fileInput.files ?? [])]);
    fileInput.value = '';
  });
  document.addEventListener('dragover', (event) => event.preventDefault());
  document.addEventListener('drop', (event) => {
    event.preventDefault();
    const files = [...(event.dataTransfer?.files ?? [])].filter((f) => f.name.endsWith('.json'));
    if (files.length > 0) void openFiles(files);
  });

  root.replaceChildren(
    h(
      'a',
      {
        class: 'skip',
        href: '#main',
        onclick: (e: Event) => {
          e.preventDefault();
          main.focus();
        },
      },
      'Skip to content',
    ),
    h(
      'header',
      null,
      h(
        'p',
        { class: 'brand' },
        'fmnist ',
        h('span', null, state.mode === 'report' ? 'report' : 'viewer'),
      ),
      nav,
      h('label', { class: 'open-file' }, 'Open run.json ', fileInput),
    ),
    notice,
    main,
  );
  window.addEventListener('hashchange', render);
  render();

  if (state.mode === 'server') {
    // Runs still training rewrite run.json after every epoch: poll and update in place.
    const poll = async () => {
      try {
        const { index, text } = await fetchIndex();
        if (text !== lastText) {
          lastText = text;
          loadError = undefined;
          applyIndex(state, index);
          view?.refresh?.();
        }
      } catch {
        // The server may be restarting; the next poll tries again.
      }
      setTimeout(poll, POLL_MS);
    };
    setTimeout(poll, POLL_MS);
  }
}

const root = document.getElementById('app');
if (root) void start(root);
