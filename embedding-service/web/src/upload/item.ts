// One upload in the "map my cell" list: the file's name and size, a progress bar while it is sent, the
// pipeline's steps in plain words, then its place on the map or the reason it was refused.
import { el } from './dom';

export type Step = 'sent' | 'received' | 'extracting' | 'extracted' | 'features' | 'placed';
export type StepState = 'pending' | 'active' | 'done' | 'failed';

const STEPS: [Step, string][] = [
  ['sent', 'send the file'],
  ['received', 'received by the ingest service'],
  ['extracting', 'read the recording'],
  ['extracted', 'find its long-square current-clamp steps'],
  ['features', 'compute its features'],
  ['placed', 'place it on the map'],
];

const STATE_WORDS: Record<StepState, string> = { pending: 'to do', active: 'under way', done: 'done', failed: 'failed' };

/** Bytes as a person reads them (binary units, as ingest-service states its limit). */
export function bytesText(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n} bytes` : `${v.toFixed(1)} ${units[u]}`;
}

export class UploadItem {
  readonly root: HTMLLIElement;
  private readonly bar: HTMLProgressElement;
  private readonly sentText: HTMLElement;
  private readonly steps = new Map<Step, { li: HTMLLIElement; text: HTMLElement; state: HTMLElement }>();
  /** Where the result or the refusal goes. */
  readonly outcome: HTMLElement;

  constructor(readonly file: File) {
    this.root = el('li', 'upload');
    this.root.dataset.state = 'sending';
    const head = el('h3', 'upload-file');
    head.append(el('span', 'upload-name', file.name), el('span', 'upload-size', ` · ${bytesText(file.size)}`));
    const progress = el('div', 'upload-progress');
    this.bar = el('progress');
    this.bar.max = Math.max(file.size, 1);
    this.bar.value = 0;
    this.bar.setAttribute('aria-label', `sending ${file.name}`);
    this.sentText = el('span', 'upload-sent', `0 of ${bytesText(file.size)} sent`);
    progress.append(this.bar, this.sentText);
    const list = el('ol', 'upload-steps');
    list.setAttribute('aria-label', `steps of ${file.name}`);
    for (const [name, words] of STEPS) {
      const li = el('li', 'upload-step');
      li.dataset.step = name;
      li.dataset.state = 'pending';
      const state = el('span', 'step-state', STATE_WORDS.pending);
      const text = el('span', 'step-text', words);
      li.append(state, text);
      list.append(li);
      this.steps.set(name, { li, text, state });
    }
    this.outcome = el('div', 'upload-outcome');
    this.outcome.setAttribute('aria-live', 'polite');
    this.root.append(head, progress, list, this.outcome);
  }

  progress(sent: number, total: number): void {
    this.bar.max = Math.max(total, 1);
    this.bar.value = Math.min(sent, total);
    this.sentText.textContent = `${bytesText(sent)} of ${bytesText(total)} sent`;
  }

  /** Sets a step's state, and its words when given. */
  step(name: Step, state: StepState, words?: string): void {
    const s = this.steps.get(name)!;
    s.li.dataset.state = state;
    s.state.textContent = STATE_WORDS[state];
    if (words !== undefined) s.text.textContent = words;
    if (state === 'active') s.li.setAttribute('aria-current', 'step');
    else s.li.removeAttribute('aria-current');
  }

  /** The upload ends without a place on the map: `lead` in plain words, then the service's own reason. */
  refuse(lead: string, reason: string): void {
    this.root.dataset.state = 'refused';
    const p = el('p', 'upload-refusal');
    p.setAttribute('role', 'alert');
    p.append(el('span', 'upload-lead', `${this.file.name}: ${lead}`), document.createElement('br'),
      el('span', 'upload-reason', reason));
    this.outcome.replaceChildren(p);
  }
}
