import { useEffect, useRef } from 'preact/hooks';

type FindTarget = () => Element | null | undefined;

/**
 * When the focused control goes away (a form closes, an entry is deleted), focus would fall to
 * the page and a keyboard user would start again from the top. Call the returned function in the
 * handler with a way to find where focus belongs; it runs once the next render is on screen.
 */
export function useFocusAfterRender(): (find: FindTarget) => void {
  const pending = useRef<FindTarget | null>(null);
  // Taken by the render that follows the request, so exactly that render's effect moves focus: an
  // earlier render's effect may still run after the request, and a later render must not refocus
  // (focus() on a date input sends the caret back to its first part).
  const due = pending.current;
  pending.current = null;
  useEffect(() => {
    if (!due) return;
    const target = due();
    if (target instanceof HTMLElement) target.focus();
  });
  return (find) => {
    pending.current = find;
  };
}
