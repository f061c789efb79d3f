/** Extension pages before a token is saved: say so, and open the options. */
export function NotConfigured({ onOpenOptions }: { onOpenOptions(): void }) {
  return (
    <div class="notice" data-testid="not-configured">
      <p>Connect the extension to GitLab first: add a personal access token in the options.</p>
      <button type="button" class="primary" onClick={onOpenOptions}>Open options</button>
    </div>
  );
}
