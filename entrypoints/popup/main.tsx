import { render } from 'preact';
import { keepFocusInside } from '@/components/keep-focus';
import { browser } from 'wxt/browser';
import { sendRequest } from '@/lib/messaging';
import { MyRetrosPopup } from '@/components/MyRetrosPopup';

render(
  <MyRetrosPopup
    loadCached={() => sendRequest({ type: 'myretros:cached' })}
    refresh={() => sendRequest({ type: 'myretros:refresh' })}
    more={(label, page) => sendRequest({ type: 'myretros:more', label, page })}
    openOptions={() => void browser.runtime.openOptionsPage()}
    now={() => new Date()}
    reviewUrl={browser.runtime.getURL('/review.html')}
  />,
  document.getElementById('app')!,
);
keepFocusInside(document);
