/**
 * A keyboard user's focus must not fall out to GitLab's page when the control holding it goes
 * away: a button disabled while it works, a list item removed, a form closed. Focus then lands on
 * the nearest place still there (the summary of the enclosing <details>, else the enclosing
 * section), and goes back to a disabled button once it is enabled again.
 */
export function keepFocusInPanel(root: ShadowRoot): () => void {
  let waiting: { control: HTMLElement; landing: HTMLElement } | null = null;

  const onFocusOut = (event: Event) => {
    if ((event as FocusEvent).relatedTarget) return;
    const control = event.target as HTMLElement;
    // Focus leaves before the control is removed, so its place is still known here.
    const home = control.closest('details') ?? control.closest('section');
    setTimeout(() => {
      const fellOut = !root.activeElement && (!document.activeElement || document.activeElement === document.body);
      // Still there and enabled: the user moved on, or the window lost focus.
      if (!fellOut || (control.isConnected && !control.matches(':disabled'))) return;
      const place = home?.isConnected ? home : root.querySelector('section');
      const landing = place?.localName === 'details' ? place.querySelector<HTMLElement>(':scope > summary') : (place as HTMLElement | null);
      if (!landing) return;
      if (landing.localName === 'section' && !landing.hasAttribute('tabindex')) landing.tabIndex = -1;
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
