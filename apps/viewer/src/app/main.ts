import './styles.css';
import { readExperimentEntry } from '../data/read-experiment-entry.js';
import { readRunEntry, readRunRecord } from '../data/read-run-entry.js';
import { formatUrlState, parseUrlState, type UrlState } from '../data/url-state.js';
import type { IndexChange, IndexLoading, ViewerIndex } from '../shared/viewer-index.js';
import { classCompareView } from './class-compare-view.js';
import { confusionView } from './confusion-view.js';
import { connectChanges } from './connect-changes.js';
import { curvesView } from './curves-view.js';
import { h } from './dom.js';
import { experimentsView } from './experiments-view.js';
import { hparamsView } from './hparams-view.js';
import { fetchIndex, readEmbeddedPayload } from './load-index.js';
import { mistakesView } from './mistakes-view.js';
import { openDroppedFiles } from './open-dropped-files.js';
import { createRecordStore } from './record-store.js';
import { reportView } from './report-view.js';
import { runsView } from './runs-view.js';
import { type AppState, VIEWS, type View, type ViewContext, type ViewId } from './state.js';
import { tryItView } from './try-it-view.js';

const RENDER: Record<ViewId, (context: ViewContext) => View> = {
  runs: runsView,
  experiments: experimentsView,
  hparams: hparamsView,
  curves: curvesView,
  classes: classCompareView,
  confusion: confusionView,
  report: reportView,
  mistakes: mistakesView,
  'try-it': tryItView,
};

const VIEW_IDS = VIEWS.map((v) => v.id);

function applyIndex(state: AppState, index: ViewerIndex): void {
  state.runs = index.runs.map(readRunEntry);
  const dropped = state.experiments.filter((e) => e.key.startsWith('dropped/'));
  state.experiments = [...index.experiments.map(readExperimentEntry), ...dropped];
}

function applyChange(state: AppState, change: IndexChange): void {
  const gone = new Set(change.removed);
  const runs = new Map(change.runs.map((entry) => [entry.key, readRunEntry(entry)]));
  state.runs = state.runs
    .filter((run) => !gone.has(run.key))
    .map((run) => {
      const changed = runs.get(run.key);
      runs.delete(run.key);
      return changed ?? run;
    });
  state.runs.push(...runs.values());
  const experiments = new Map(
    change.experiments.map((entry) => [entry.key, readExperimentEntry(entry)]),
  );
  state.experiments = state.experiments
    .filter((e) => !gone.has(e.key))
    .map((e) => {
      const changed = experiments.get(e.key);
      experiments.delete(e.key);
      return changed ?? e;
    });
  state.experiments.push(...experiments.values());
}

async function start(root: HTMLElement): Promise<void> {
  const payload = readEmbeddedPayload();
  const state: AppState = {
    mode: payload ? 'report' : 'server',
    runs: [],
    experiments: [],
    dropped: [],
    url: parseUrlState(location.hash, VIEW_IDS),
    models: payload?.models ?? {},
    modelsLeftOut: payload?.modelsLeftOut ?? {},
  };
  let indexVersion = -1;
  let initialLoading: IndexLoading | undefined;
  let loadError: string | undefined;
  if (payload) {
    state.runs = payload.runs.map((run) => readRunRecord(run, run.record));
    state.experiments = payload.experiments.map(readExperimentEntry);
  } else {
    try {
      const index = await fetchIndex();
      indexVersion = index.version;
      initialLoading = index.loading;
      applyIndex(state, index);
    } catch (error) {
      loadError = `Could not load the runs: ${(error as Error).message}`;
    }
  }
  const shownViews = () =>
    VIEWS.filter(
      (v) => !(v.id === 'experiments' && state.mode === 'report' && state.experiments.length === 0),
    );

  const main = h('main', { id: 'main', tabindex: '-1' });
  const notice = h('p', { class: 'notice', role: 'status' });
  // While the server reads the folders the first time, how far it is.
  const reading = h('p', { class: 'reading', role: 'status', hidden: true });
  const showReading = (loading: IndexLoading | undefined) => {
    reading.hidden = loading === undefined;
    reading.textContent = loading
      ? `Reading runs: ${loading.read} of ${loading.total} so far; the rest appear as they are read.`
      : '';
  };
  showReading(initialLoading);
  const connection = h('p', { class: 'connection', role: 'alert', hidden: true });
  const navList = h('ul');
  const nav = h('nav', { 'aria-label': 'Views' }, navList);
  const fileInput = h('input', {
    type: 'file',
    accept: '.json,application/json',
    multiple: true,
    id: 'open-file',
  });

  // Which experiments list each run, worked out once per change of the experiments.
  let byRun: { from: AppState['experiments']; map: Map<string, string[]> } | undefined;
  const experimentsByRun = () => {
    if (byRun?.from !== state.experiments) {
      const map = new Map<string, string[]>();
      for (const e of state.experiments) {
        for (const key of e.runKeys) {
          if (key !== null)
            map.set(key, [...(map.get(key) ?? []), e.key.replace(/^(experiments|sweeps)\//, '')]);
        }
      }
      byRun = { from: state.experiments, map };
    }
    return byRun.map;
  };
  let view: View | undefined;
  let signature: string | undefined;
  let renderedHash = '';
  const update = (patch: Partial<UrlState>, options: { push?: boolean; render?: boolean } = {}) => {
    state.url = { ...state.url, ...patch };
    const hash = formatUrlState(state.url);
    if (hash !== location.hash) {
      if (options.push) history.pushState(null, '', hash);
      else history.replaceState(null, '', hash);
    }
    if (options.render === false) renderedHash = hash;
    else render();
  };
  const records = createRecordStore(() => {
    if (view?.refresh) view.refresh();
    else render();
  });
  const context: ViewContext = {
    state,
    allRuns: () => [...state.runs, ...state.dropped],
    update,
    navigate: (id, patch = {}) => update({ ...patch, view: id }, { push: true }),
    rerender: () => render(),
    recordOf: records,
    experimentsOf: (key) => experimentsByRun().get(key) ?? [],
  };

  const render = () => {
    view?.dispose?.();
    const id = state.url.view as ViewId;
    renderedHash = formatUrlState(state.url);
    navList.replaceChildren(
      ...shownViews().map((v) =>
        h(
          'li',
          null,
          h(
            'a',
            {
              href: formatUrlState({ ...state.url, view: v.id, cell: undefined }),
              'data-view': v.id,
              'aria-current': v.id === id ? 'page' : null,
              onclick: (event: MouseEvent) => {
                if (event.ctrlKey || event.metaKey || event.shiftKey) return;
                event.preventDefault();
                context.navigate(v.id, { cell: undefined });
              },
            },
            v.title,
          ),
        ),
      ),
    );
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
    signature = view.signature?.();
    main.replaceChildren(
      ...(loadError ? [h('p', { role: 'alert', class: 'problems' }, loadError)] : []),
      view.element,
    );
    view.mounted?.();
  };
  /** Data changed: update the view in place, or draw it again when what it shows changed. */
  const dataChanged = () => {
    if (view?.refresh) view.refresh();
    else if (!view?.signature || view.signature() !== signature) render();
  };

  const openFiles = async (files: readonly File[]) => {
    const opened = await openDroppedFiles(state, files);
    const messages = opened.map((o) => o.message);
    notice.textContent = messages.join(' ');
    const first = opened.find((o) => o.key !== undefined);
    if (first?.key)
      context.navigate('curves', { selected: [first.key], run: first.key, zoom: undefined });
    else context.navigate('runs');
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
    connection,
    reading,
    notice,
    main,
  );
  // Back, forward, a pasted or edited link: read the state from the address again.
  const fromAddress = () => {
    if (location.hash === renderedHash) return;
    state.url = parseUrlState(location.hash, VIEW_IDS);
    render();
  };
  window.addEventListener('popstate', fromAddress);
  window.addEventListener('hashchange', fromAddress);
  render();

  if (state.mode === 'server') {
    let lostAt: Date | undefined;
    const resync = async () => {
      try {
        const index = await fetchIndex();
        indexVersion = index.version;
        loadError = undefined;
        applyIndex(state, index);
        showReading(index.loading);
        dataChanged();
      } catch {
        // The stream reconnects and says hello again; the next hello retries.
      }
    };
    connectChanges({
      onHello: (version) => {
        if (lostAt) {
          lostAt = undefined;
          connection.hidden = true;
          connection.textContent = '';
        }
        if (version !== indexVersion) void resync();
      },
      onChange: (change) => {
        if (change.from !== indexVersion) {
          void resync();
          return;
        }
        indexVersion = change.version;
        applyChange(state, change);
        showReading(change.loading);
        dataChanged();
      },
      onLost: () => {
        if (lostAt) return;
        lostAt = new Date();
        connection.hidden = false;
        connection.textContent = `Lost the connection to the viewer server at ${lostAt.toLocaleTimeString()}: what you see may be out of date (was fmnist view stopped?). Trying again…`;
      },
    });
  }
}

const root = document.getElementById('app');
if (root) void start(root);
