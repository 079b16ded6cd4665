/** How Curves draws the y axis and smooths. */
export interface CurveOptions {
  /** TensorBoard's exponential moving average weight, 0 (none) to 0.99. */
  smooth: number;
  /** Loss on a log scale. */
  log: boolean;
}

/** Everything a link to the viewer restores: the view and the person's choices in it. */
export interface UrlState {
  view: string;
  filter: string;
  sort: { column: string; direction: 'ascending' | 'descending' } | undefined;
  /** Runs selected for comparison, in the order they were ticked. */
  selected: string[];
  /** The run the single-run views show. */
  run: string | undefined;
  /** The confusion-matrix cell whose images are shown: [true, predicted]. */
  cell: [number, number] | undefined;
  /** The Curves' epoch range, when zoomed. */
  zoom: [number, number] | undefined;
  curves: CurveOptions;
  /** The HParams view's metric (default validation accuracy) and the scatter's parameter. */
  metric: string;
  param: string | undefined;
  /** The per-class comparison's figure. */
  classMetric: 'f1' | 'precision' | 'recall';
}

/** The state of a link with nothing in it. */
export function defaultUrlState(view = 'runs'): UrlState {
  return {
    view,
    filter: '',
    sort: undefined,
    selected: [],
    run: undefined,
    cell: undefined,
    zoom: undefined,
    curves: { smooth: 0, log: false },
    metric: 'valAccuracy',
    param: undefined,
    classMetric: 'f1',
  };
}

const pair = (text: string | null, separator: string): [number, number] | undefined => {
  if (text === null) return undefined;
  const [a, b, ...rest] = text.split(separator).map(Number);
  return a !== undefined &&
    b !== undefined &&
    rest.length === 0 &&
    Number.isFinite(a) &&
    Number.isFinite(b)
    ? [a, b]
    : undefined;
};

/**
 * Read the state from a location hash: `#<view>?<query>`, e.g.
 * `#curves?sel=runs/a&sel=runs/b&zoom=2~8&smooth=0.6`. Unknown views fall back to the first
 * of `views`; unknown or malformed parameters are ignored, so any link opens something.
 */
export function parseUrlState(hash: string, views: readonly string[]): UrlState {
  const text = hash.replace(/^#\/?/, '');
  const mark = text.indexOf('?');
  const view = mark === -1 ? text : text.slice(0, mark);
  const query = new URLSearchParams(mark === -1 ? '' : text.slice(mark + 1));
  const state = defaultUrlState(views.includes(view) ? view : (views[0] ?? 'runs'));
  state.filter = query.get('q') ?? '';
  const sort = query.get('sort');
  if (sort) {
    const [column, direction] = sort.split('~');
    if (column)
      state.sort = { column, direction: direction === 'desc' ? 'descending' : 'ascending' };
  }
  state.selected = [...new Set(query.getAll('sel').filter(Boolean))];
  state.run = query.get('run') ?? undefined;
  state.cell = pair(query.get('cell'), '~');
  state.zoom = pair(query.get('zoom'), '~');
  const smooth = Number(query.get('smooth') ?? 0);
  state.curves = {
    smooth: Number.isFinite(smooth) ? Math.min(0.99, Math.max(0, smooth)) : 0,
    log: query.get('log') === '1',
  };
  state.metric = query.get('metric') ?? state.metric;
  state.param = query.get('param') ?? undefined;
  const classMetric = query.get('cm');
  if (classMetric === 'precision' || classMetric === 'recall') state.classMetric = classMetric;
  return state;
}

/** The hash for a state, leaving defaults out (the inverse of {@link parseUrlState}). */
export function formatUrlState(state: UrlState): string {
  const query = new URLSearchParams();
  if (state.filter) query.set('q', state.filter);
  if (state.sort)
    query.set(
      'sort',
      `${state.sort.column}~${state.sort.direction === 'descending' ? 'desc' : 'asc'}`,
    );
  for (const key of state.selected) query.append('sel', key);
  if (state.run) query.set('run', state.run);
  if (state.cell) query.set('cell', state.cell.join('~'));
  if (state.zoom) query.set('zoom', state.zoom.map((v) => Number(v.toFixed(3))).join('~'));
  if (state.curves.smooth > 0) query.set('smooth', String(state.curves.smooth));
  if (state.curves.log) query.set('log', '1');
  if (state.metric !== 'valAccuracy') query.set('metric', state.metric);
  if (state.param) query.set('param', state.param);
  if (state.classMetric !== 'f1') query.set('cm', state.classMetric);
  const text = query.toString().replace(/%2F/g, '/').replace(/%7E/g, '~');
  return `#${state.view}${text ? `?${text}` : ''}`;
}
