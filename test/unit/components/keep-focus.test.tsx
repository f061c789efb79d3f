// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { waitFor } from '@testing-library/preact';
import { keepFocusInside } from '@/components/keep-focus';

let root: ShadowRoot;
let stop: () => void;
const byId = (id: string) => root.getElementById(id) as HTMLElement;
// jsdom does not move focus away from a disabled or removed control by itself; Chromium does, like this.
const loseFocus = (control: HTMLElement, change: () => void) => {
  control.blur();
  change();
};

beforeEach(() => {
  const host = document.createElement('div');
  document.body.append(host);
  root = host.attachShadow({ mode: 'open' });
  render(
    <section id="panel" aria-label="Retro">
      <details open><summary id="summary">Paste transcript</summary><button type="button" id="read">Read transcript</button></details>
      <ul><li id="item"><button type="button" id="remove">Dismiss</button></li></ul>
    </section>,
    root,
  );
  stop = keepFocusInside(root);
});
afterEach(() => {
  stop();
  document.body.replaceChildren();
});

describe('keepFocusInside', () => {
  it('moves focus from a button disabled while it works to its section summary, and back once it is enabled', async () => {
    byId('read').focus();
    loseFocus(byId('read'), () => byId('read').setAttribute('disabled', ''));
    await waitFor(() => expect(root.activeElement).toBe(byId('summary')));
    byId('read').removeAttribute('disabled');
    await waitFor(() => expect(root.activeElement).toBe(byId('read')));
  });

  it('moves focus from a removed control to the enclosing section, made focusable for it', async () => {
    byId('remove').focus();
    loseFocus(byId('remove'), () => byId('item').remove());
    await waitFor(() => expect(root.activeElement).toBe(byId('panel')));
    expect(byId('panel').tabIndex).toBe(-1);
  });

  it('works on an extension page too: focus from a disabled button waits on <main>, then returns', async () => {
    stop();
    const app = document.createElement('div');
    document.body.append(app);
    render(<main><button type="button" id="refresh">Refresh</button></main>, app);
    stop = keepFocusInside(document);
    const refresh = document.getElementById('refresh')!;
    refresh.focus();
    loseFocus(refresh, () => refresh.setAttribute('disabled', ''));
    await waitFor(() => expect(document.activeElement?.localName).toBe('main'));
    refresh.removeAttribute('disabled');
    await waitFor(() => expect(document.activeElement).toBe(refresh));
  });

  it('leaves focus alone when the user moved on and the control is still there', async () => {
    byId('read').focus();
    byId('read').blur();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(root.activeElement).toBeNull();
    expect(document.activeElement).toBe(document.body);
  });
});
