// A paged table of map rows, sorted by a click on a column header (aria-sort says how). Missing values sort
// last in both directions so that the cells with a value come first.
export interface Column {
  key: string;
  /** Header text, units included. */
  label: string;
  numeric: boolean;
  value(row: number): string | number | null;
  /** Fills the cell; the default writes the value. */
  render?(td: HTMLTableCellElement, row: number): void;
}

type Direction = 'ascending' | 'descending';

const missing = (v: string | number | null) => v === null || (typeof v === 'number' && Number.isNaN(v));

export class PagedTable {
  private rows: number[] = [];
  private sorted: number[] = [];
  private sort: { key: string; dir: Direction } | null = null;
  private page = 0;
  private readonly table = document.createElement('table');
  private readonly pager = document.createElement('div');

  constructor(el: HTMLElement, private columns: Column[], private readonly pageSize = 50) {
    this.table.className = 'selection-table';
    this.pager.className = 'pager';
    el.append(this.table, this.pager);
  }

  setColumns(columns: Column[]): void {
    this.columns = columns;
    this.resort();
    this.render();
  }

  setRows(rows: number[]): void {
    this.rows = rows;
    this.page = 0;
    this.resort();
    this.render();
  }

  private resort(): void {
    const s = this.sort;
    const col = s && this.columns.find((c) => c.key === s.key);
    if (!s || !col) { this.sorted = this.rows; return; }
    const sign = s.dir === 'ascending' ? 1 : -1;
    const keyed = this.rows.map((r) => ({ r, v: col.value(r) }));
    keyed.sort((a, b) => {
      const ma = missing(a.v), mb = missing(b.v);
      if (ma || mb) return ma === mb ? a.r - b.r : ma ? 1 : -1;
      const c = col.numeric ? (a.v as number) - (b.v as number) : String(a.v).localeCompare(String(b.v));
      return c * sign || a.r - b.r;
    });
    this.sorted = keyed.map((k) => k.r);
  }

  private sortBy(key: string): void {
    const dir: Direction = this.sort?.key === key && this.sort.dir === 'ascending' ? 'descending' : 'ascending';
    this.sort = { key, dir };
    this.page = 0;
    this.resort();
    this.render();
    this.table.querySelector<HTMLButtonElement>(`th[data-key="${key}"] button`)?.focus({ preventScroll: true });
  }

  private render(): void {
    const head = document.createElement('thead');
    const tr = document.createElement('tr');
    for (const c of this.columns) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.dataset.key = c.key;
      if (c.numeric) th.className = 'n';
      th.setAttribute('aria-sort', this.sort?.key === c.key ? this.sort.dir : 'none');
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'sort';
      b.textContent = c.label;
      b.title = `sort by ${c.label}`;
      b.addEventListener('click', () => this.sortBy(c.key));
      th.append(b);
      tr.append(th);
    }
    head.append(tr);
    const body = document.createElement('tbody');
    const from = this.page * this.pageSize;
    for (const r of this.sorted.slice(from, from + this.pageSize)) {
      const row = document.createElement('tr');
      for (const c of this.columns) {
        const td = document.createElement('td');
        if (c.numeric) td.className = 'n';
        if (c.render) c.render(td, r);
        else {
          const v = c.value(r);
          td.textContent = missing(v) ? '—' : typeof v === 'number' ? String(Number(v.toPrecision(3))) : v!;
        }
        row.append(td);
      }
      body.append(row);
    }
    this.table.replaceChildren(head, body);
    this.renderPager();
  }

  private renderPager(): void {
    const pages = Math.max(1, Math.ceil(this.sorted.length / this.pageSize));
    this.pager.replaceChildren();
    if (pages === 1) return;
    const button = (text: string, label: string, page: number, enabled: boolean) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = text;
      b.setAttribute('aria-label', label);
      b.disabled = !enabled;
      b.addEventListener('click', () => { this.page = page; this.render(); });
      return b;
    };
    const from = this.page * this.pageSize;
    const where = document.createElement('span');
    where.className = 'page-of';
    where.textContent = `rows ${from + 1}–${Math.min(from + this.pageSize, this.sorted.length)} of ${this.sorted.length}`
      + ` · page ${this.page + 1} of ${pages}`;
    this.pager.append(
      button('«', 'first page', 0, this.page > 0),
      button('‹', 'previous page', this.page - 1, this.page > 0),
      where,
      button('›', 'next page', this.page + 1, this.page < pages - 1),
      button('»', 'last page', pages - 1, this.page < pages - 1),
    );
  }
}
