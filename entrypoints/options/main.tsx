import { render } from 'preact';
import { keepFocusInside } from '@/components/keep-focus';
import { sendRequest } from '@/lib/messaging';
import { OptionsPage } from '@/components/OptionsPage';

render(
  <OptionsPage
    load={() => sendRequest({ type: 'settings:load' })}
    save={(settings, token) => sendRequest({ type: 'settings:save', settings, token })}
    check={() => sendRequest({ type: 'token:check' })}
    removeToken={() => sendRequest({ type: 'token:remove' })}
    now={() => new Date()}
    // The extension's own localStorage: unsaved changes outlive the tab (the token is never in them).
    draftStore={localStorage}
  />,
  document.getElementById('app')!,
);
keepFocusInside(document);
