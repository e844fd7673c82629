// The legend under the colour menu: categories with counts (click hides or shows one, double-click keeps
// only it), or a colour bar with its 5th and 95th percentiles for numbers.
import { format } from 'd3-format';
import type { Legend } from './colour';
import { viridisCss } from './colour';

const fmt = format('.3~g');

export interface LegendState { hide: string[]; only: string | null }

export function renderLegend(el: HTMLElement, legend: Legend, st: LegendState,
                             change: (next: LegendState) => void): void {
  el.replaceChildren();
  const title = document.createElement('div');
  title.className = 'legend-title';
  title.textContent = legend.kind === 'continuous' ? `${legend.title} (${legend.unit})` : legend.title;
  el.append(title);
  if (legend.kind === 'continuous') {
    const bar = document.createElement('div');
    bar.className = 'colour-bar';
    bar.style.background = `linear-gradient(to right, ${[0, 0.25, 0.5, 0.75, 1].map(viridisCss).join(', ')})`;
    const ticks = document.createElement('div');
    ticks.className = 'colour-ticks';
    ticks.innerHTML = `<span>≤ ${fmt(legend.lo)}</span><span>${fmt((legend.lo + legend.hi) / 2)}</span><span>≥ ${fmt(legend.hi)}</span>`;
    const note = document.createElement('div');
    note.className = 'legend-note';
    note.textContent = `clipped to the 5th–95th percentile${legend.missing ? `; ${legend.missing} cells without a value in grey` : ''}`;
    el.append(bar, ticks, note);
    return;
  }
  const list = document.createElement('ul');
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', `${legend.title}: click to hide, double-click to show only`);
  for (const e of legend.entries) {
    const item = document.createElement('li');
    const hidden = st.only !== null ? st.only !== e.key : st.hide.includes(e.key);
    item.className = hidden ? 'legend-entry off' : 'legend-entry';
    item.tabIndex = 0;
    item.dataset.key = e.key;
    item.setAttribute('role', 'option');
    item.setAttribute('aria-selected', String(!hidden));
    item.innerHTML = `<span class="swatch" style="background:${e.colour}"></span><span class="label"></span><span class="count">${e.count.toLocaleString('en')}</span>`;
    item.querySelector('.label')!.textContent = e.label;
    const toggle = () => {
      if (st.only !== null) change({ hide: [], only: null });
      else change({ hide: hidden ? st.hide.filter((k) => k !== e.key) : [...st.hide, e.key], only: null });
    };
    const isolate = () => change({ hide: [], only: st.only === e.key ? null : e.key });
    let clicks = 0;
    item.addEventListener('click', () => {
      clicks++;
      setTimeout(() => {
        if (clicks === 1) toggle();
        clicks = 0;
      }, 250);
    });
    item.addEventListener('dblclick', isolate);
    item.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); toggle(); }
      if (ev.key === 'o') isolate();
    });
    list.append(item);
  }
  el.append(list);
  const hint = document.createElement('div');
  hint.className = 'legend-note';
  hint.textContent = 'click: hide · double-click or o: only this';
  el.append(hint);
}
