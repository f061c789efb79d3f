/**
 * A keyboard user's place must not be lost when the control holding focus goes away (a button
 * disabled while it works, a list item removed, a form closed): in the panel focus would fall to
 * GitLab's page, on the extension's pages to the top. Focus then lands on the nearest place still
 * there (the summary of the enclosing <details>, else the enclosing section or main), and goes
 * back to a disabled button once it is enabled again.
 */
export function keepFocusInside(root: Document | ShadowRoot): () => void {
  let waiting: { control: HTMLElement; landing: HTMLElement } | null = null;

  const onFocusOut = (event: Event) => {
    if ((event as FocusEvent).relatedTarget) return;
    const control = event.target as HTMLElement;
    // Focus leaves before the control is removed, so its place is still known here.
    const home = control.closest('details') ?? control.closest('section, main');
    setTimeout(() => {
      const active = root.activeElement ?? document.activeElement;
      const fellOut = !active || active === document.body;
      // Still there and enabled: the user moved on, or the window lost focus.
      if (!fellOut || (control.isConnected && !control.matches(':disabled'))) return;
      const place = home?.isConnected ? home : root.querySelector('section, main');
      const landing = place?.localName === 'details' ? place.querySelector<HTMLElement>(':scope > summary') : (place as HTMLElement | null);
      if (!landing) return;
      if (landing.localName !== 'summary' && !landing.hasAttribute('tabindex')) landing.tabIndex = -1;
      landing.focus();
      waiting = control.isConnected ? { control, landing } : null;
    });
  };
  // The disabled button that had focus gets it back when its work is done.
  const enabled = new MutationObserver(() => {
    if (!waiting || waiting.control.matches(':disabled')) return;
    if (root.activeElement === waiting.landing && waiting.control.isConnected) waiting.control.focus();
    waiting = null;
  });

  root.addEventListener('focusout', onFocusOut);
  enabled.observe(root, { attributes: true, attributeFilter: ['disabled'], subtree: true });
  return () => {
    root.removeEventListener('focusout', onFocusOut);
    enabled.disconnect();
  };
}
