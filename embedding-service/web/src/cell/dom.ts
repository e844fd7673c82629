// Building the panel's HTML from text only (never innerHTML with API values).
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { class?: string; [attr: string]: string | undefined } = {},
                                                           ...children: Child[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined) continue;
    if (k === 'class') e.className = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

/** A titled block of the panel with a status line for loading and errors. */
export interface Block { root: HTMLElement; body: HTMLElement; status(text: string, error?: boolean): void }

export function block(parent: HTMLElement, className: string, title: string): Block {
  const heading = el('h3', {}, title);
  const statusLine = el('p', { class: 'block-status', role: 'status' });
  const body = el('div', { class: 'block-body' });
  const root = el('section', { class: `cell-block ${className}`, 'aria-label': title }, heading, statusLine, body);
  parent.append(root);
  return {
    root,
    body,
    status(text: string, error = false) {
      statusLine.textContent = text;
      statusLine.hidden = !text;
      statusLine.classList.toggle('error', error);
    },
  };
}
