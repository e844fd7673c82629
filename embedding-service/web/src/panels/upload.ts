// Map my cell: drop or choose an NWB or ABF file; it is sent to ingest-service with a progress bar, followed
// through extraction, features and placement, and shown with its cluster, confidence and nearest cells.
// The uploads of the session are listed, the most recent first.
import type { AtlasContext } from '../context';
import { follow } from '../upload/follow';
import { UploadItem } from '../upload/item';
import { renderResult } from '../upload/result';

/** How many times a placed cell missing from the reloaded map asks for another reload (the atlas prepares the
 * served map again about a second after a placement). */
const RELOADS = 5;

export function mountUpload(el: HTMLElement, ctx: AtlasContext): void {
  el.replaceChildren();
  const h = document.createElement('h2');
  h.textContent = 'Map my cell';
  const intro = document.createElement('p');
  intro.className = 'upload-intro';
  intro.textContent = 'Upload a current-clamp recording with long-square current steps (NWB or ABF). It is placed '
    + 'on the map without changing the map; the ingest service decides which files and sizes it accepts.';

  const zone = document.createElement('div');
  zone.className = 'dropzone';
  const input = document.createElement('input');
  input.type = 'file';
  input.id = 'upload-file';
  input.accept = '.nwb,.abf';
  input.multiple = true;
  const label = document.createElement('label');
  label.htmlFor = input.id;
  label.innerHTML = '<strong>Drop an NWB or ABF file here</strong><br>or click to choose one';
  zone.append(input, label);

  const list = document.createElement('ol');
  list.className = 'uploads';
  list.setAttribute('aria-label', 'uploads of this session, the most recent first');
  el.append(h, intro, zone, list);

  // Cells placed whose row the reloaded map does not hold yet: the id and the reloads left.
  const awaiting = new Map<string, number>();
  ctx.bus.subscribe('map', ({ map }) => {
    for (const [id, left] of [...awaiting]) {
      if (map.rowOf.has(id) || left <= 0) {
        awaiting.delete(id);
      } else {
        awaiting.set(id, left - 1);
        setTimeout(() => ctx.bus.publish('placed', { id }), 1500);
      }
    }
  });

  const start = (file: File) => {
    const item = new UploadItem(file);
    list.prepend(item.root);
    void follow(file, ctx.config.ingestUrl, ctx.api, item).then((r) => {
      if (r.kind !== 'placed') return;
      item.root.dataset.state = 'placed';
      renderResult(item.outcome, r.cell, ctx);
      if (r.cell.map?.status === 'placed') {
        awaiting.set(r.cell.cellId, RELOADS);
        ctx.bus.publish('placed', { id: r.cell.cellId });
      }
    }).catch((e: Error) => item.refuse('the page failed while following it', e.message));
  };
  const take = (files: FileList | null) => {
    for (const f of Array.from(files ?? [])) start(f);
  };

  input.addEventListener('change', () => {
    take(input.files);
    input.value = ''; // the same file chosen again is a new upload
  });
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    take(e.dataTransfer?.files ?? null);
  });
}
