/** What a bridge says at length: a megabyte of it is about 4,000 messages, which a timeline can take in. */
const DETAIL = 'p95 latency is 2.3 s on merge request pages; comparing puma worker saturation with last week before we restart anything else, and the customer is keeping their change freeze until we confirm';

/**
 * A chat transcript of about `bytes`, mixing Slack, Zoom and `HH:MM` lines, written for the bench.
 * `terse`: short messages, about 15,000 to the megabyte: more lines, so the most parsing work.
 */
export function sampleTranscript(bytes: number, { terse = false } = {}): string {
  const detail = terse ? '' : DETAIL;
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i += 1) {
    // A busy bridge: several messages a minute, across more than a day.
    const minute = Math.floor(i / 3);
    const h = Math.floor(minute / 60) % 24;
    const m = String(minute % 60).padStart(2, '0');
    const block =
      i % 3 === 0 ? `Sam Support  ${h % 12 || 12}:${m} ${h < 12 ? 'AM' : 'PM'}\nCustomer says the page is still slow 🙁 (edited)\n${detail}\nscreenshot-${i}.png\n\n`
        : i % 3 === 1 ? `${String(h).padStart(2, '0')}:${m}:07 From Lee Lead to Everyone: checking the logs on web-0${i % 9}: ${detail}\n`
          : `${String(h).padStart(2, '0')}:${m} restarted puma on web-0${i % 9} | queue at ${i % 500}; ${detail}\n`;
    parts.push(block);
    size += block.length;
  }
  return parts.join('');
}
