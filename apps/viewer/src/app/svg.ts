import type { Child } from './dom.js';

const NS = 'http://www.w3.org/2000/svg';

/** Create an SVG element: attributes through `setAttribute`, text as text nodes, `on<event>` as listeners. */
export function svg(
  tag: string,
  props: Record<
    string,
    string | number | null | undefined | ((event: never) => void)
  > | null = null,
  ...children: Child[]
): SVGElement {
  const element = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (typeof value === 'function')
      element.addEventListener(name.slice(2).toLowerCase(), value as EventListener);
    else if (value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
  const append = (child: Child) => {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) for (const c of child as readonly Child[]) append(c);
    else if (child instanceof Node) element.appendChild(child);
    else element.appendChild(document.createTextNode(String(child)));
  };
  for (const child of children) append(child);
  return element;
}
