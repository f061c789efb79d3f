/**
 * User text placed into GitLab markdown: shown as written, never as markup, mentions or
 * quick actions (a line starting with `/` would run as a quick action in a note).
 */
const SPECIAL = /[\\`*_{}[\]()#+!|<>~]/g;

export function escapeInline(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(SPECIAL, (char) => `\\${char}`)
    .replace(/@(?=[\w.-])/g, '@\u200b') // no accidental @mentions
    .replace(/&(?=#?\w+;)/g, '&amp;');
}

/** A multi-line text as a markdown blockquote; each line escaped, blank lines kept. */
export function quoteBlock(text: string): string {
  return text
    .trim()
    .split(/\r\n?|\n/)
    .map((line) => (line.trim() ? `> ${escapeInline(line)}` : '>'))
    .join('\n');
}

/** A hidden HTML comment GitLab keeps in the stored text: how the product finds what it wrote. */
export const hiddenMarker = (id: string): string => `<!-- emergency-retro:${id.replace(/[^\w:.-]/g, '')} -->`;
