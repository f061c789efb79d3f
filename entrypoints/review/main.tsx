import { render } from 'preact';
import { keepFocusInside } from '@/components/keep-focus';
import { browser } from 'wxt/browser';
import { sendRequest } from '@/lib/messaging';
import { ReviewPage } from '@/components/ReviewPage';

function download(filename: string, csv: string): void {
  // A byte-order mark first: without it, Excel reads the UTF-8 file as another encoding ("CafÃ©").
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

render(
  <ReviewPage
    loadCached={() => sendRequest({ type: 'review:cached' })}
    refresh={() => sendRequest({ type: 'review:refresh' })}
    openOptions={() => void browser.runtime.openOptionsPage()}
    download={download}
    now={() => new Date()}
  />,
  document.getElementById('app')!,
);
keepFocusInside(document);
