/**
 * `text` cut to at most `max` UTF-16 units (the unit of storage limits and schemas), ending in "…"
 * when cut, and never through the middle of an emoji.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1; // the first half of a surrogate pair
  return `${text.slice(0, end).trimEnd()}…`;
}
