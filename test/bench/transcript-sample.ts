/** A chat transcript of about `bytes`, mixing Slack, Zoom and `HH:MM` lines, written for the bench. */
export function sampleTranscript(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i += 1) {
    // A busy bridge: several messages a minute, across more than a day.
    const minute = Math.floor(i / 3);
    const h = Math.floor(minute / 60) % 24;
    const m = String(minute % 60).padStart(2, '0');
    const block =
      i % 3 === 0 ? `Sam Support  ${h % 12 || 12}:${m} ${h < 12 ? 'AM' : 'PM'}\nCustomer says the page is still slow 🙁 (edited)\nscreenshot-${i}.png\n\n`
        : i % 3 === 1 ? `${String(h).padStart(2, '0')}:${m}:07 From Lee Lead to Everyone: checking the logs on web-0${i % 9}\n`
          : `${String(h).padStart(2, '0')}:${m} restarted puma on web-0${i % 9} | queue at ${i % 500}\n`;
    parts.push(block);
    size += block.length;
  }
  return parts.join('');
}
