/**
 * The page side of the engine-neutral driver: a query resolver installed in the page as
 * `window.__e2e`, so that every engine finds elements the same way (Playwright's locators exist
 * in Chromium only). A query is plain data, sent with each call:
 *
 * - `css`: a selector; `role` + `name`: an ARIA role (explicit or implicit) and an accessible
 *   name (exact string, or a regular expression as `{ source, flags }`); `hasText`: the element's
 *   text contains it; `within`: the first match of another query is the root.
 *
 * The accessible name follows the parts of the accname algorithm filedock's markup uses:
 * aria-labelledby, aria-label, then the text of the subtree minus aria-hidden parts, then title.
 * Everything in `installQueries` is self-contained: it is sent to the page as source text.
 */

export interface Query {
  css?: string;
  role?: string;
  name?: string | { source: string; flags: string };
  hasText?: string;
  within?: Query;
}

/** What installQueries puts on `window.__e2e`. */
export interface PageQueries {
  all(query: Query): Element[];
  name(element: Element): string;
  /** Marks the first match with `data-e2e-target="<n>"` and returns its selector, or null. */
  mark(query: Query): string | null;
}

export function installQueries(): void {
  const w = window as unknown as { __e2e?: PageQueries; __e2eMarks?: number };
  if (w.__e2e) return;
  const implicitRole = (el: Element): string | null => {
    const tag = el.tagName.toLowerCase();
    if (tag === 'button') return 'button';
    if (tag === 'input') {
      const type = (el.getAttribute('type') ?? 'text').toLowerCase();
      return ['button', 'submit', 'reset'].includes(type) ? 'button' : null;
    }
    if (tag === 'a' && el.hasAttribute('href')) return 'link';
    if (tag === 'progress') return 'progressbar';
    if (tag === 'tr') return 'row';
    if (tag === 'table') return 'table';
    if (tag === 'ul' || tag === 'ol') return 'list';
    if (tag === 'li') return 'listitem';
    return null;
  };
  const roleOf = (el: Element): string | null =>
    el.getAttribute('role')?.trim().split(/\s+/)[0] ?? implicitRole(el);
  const textOf = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    const el = node as Element;
    if (el.getAttribute('aria-hidden') === 'true') return '';
    let text = '';
    for (const child of Array.from(el.childNodes)) text += textOf(child);
    return text;
  };
  const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();
  const name = (el: Element): string => {
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy) {
      const parts = labelledBy
        .split(/\s+/)
        .map((id) => document.getElementById(id))
        .filter((x): x is HTMLElement => x !== null)
        .map((x) => textOf(x));
      if (parts.length > 0) return squash(parts.join(' '));
    }
    const label = el.getAttribute('aria-label');
    if (label?.trim()) return squash(label);
    const text = squash(textOf(el));
    if (text) return text;
    return squash(el.getAttribute('title') ?? '');
  };
  const all = (query: Query): Element[] => {
    let root: ParentNode = document;
    if (query.within) {
      const [first] = all(query.within);
      if (!first) return [];
      root = first;
    }
    let found = Array.from(root.querySelectorAll(query.css ?? '*'));
    if (query.role) found = found.filter((el) => roleOf(el) === query.role);
    const wanted = query.name;
    if (wanted !== undefined) {
      const matches =
        typeof wanted === 'string'
          ? (n: string) => n === wanted
          : (n: string) => new RegExp(wanted.source, wanted.flags).test(n);
      found = found.filter((el) => matches(name(el)));
    }
    const hasText = query.hasText;
    if (hasText !== undefined)
      found = found.filter((el) => (el.textContent ?? '').includes(hasText));
    return found;
  };
  w.__e2e = {
    all,
    name,
    mark(query) {
      const [first] = all(query);
      if (!first) return null;
      w.__e2eMarks = (w.__e2eMarks ?? 0) + 1;
      first.setAttribute('data-e2e-target', String(w.__e2eMarks));
      return `[data-e2e-target="${w.__e2eMarks}"]`;
    },
  };
}
