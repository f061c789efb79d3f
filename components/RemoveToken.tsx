import { useState } from 'preact/hooks';
import { useFocusAfterRender } from './use-focus-after-render';

interface Props {
  onRemove(): Promise<void>;
}

/** Forgets the saved token, after one explicit confirmation; every step reachable by keyboard. */
export function RemoveToken({ onRemove }: Props) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const focusAfterRender = useFocusAfterRender();
  const ask = (open: boolean) => {
    setAsking(open);
    focusAfterRender(() => document.getElementById(open ? 'remove-token-confirm' : 'remove-token'));
  };
  const remove = async () => {
    setBusy(true);
    await onRemove();
    setBusy(false);
    setAsking(false);
  };
  if (!asking) return <p><button type="button" id="remove-token" onClick={() => ask(true)}>Remove token</button></p>;
  return (
    <div class="notice" role="group" aria-label="Remove the saved token" data-testid="remove-token-confirm"
      onKeyDown={(event) => event.key === 'Escape' && !busy && ask(false)}>
      <p>Remove the saved token from this browser? The extension then sends nothing to GitLab until you save a token again. The token itself stays valid on GitLab: revoke it there if you no longer need it.</p>
      <div class="row">
        <button type="button" id="remove-token-confirm" class="primary" disabled={busy} onClick={() => void remove()}>Yes, remove the token</button>
        <button type="button" disabled={busy} onClick={() => ask(false)}>Keep it</button>
      </div>
    </div>
  );
}
