/** Bundle sizes of the production build, minified (as built) and gzip. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../browser/launch';

export interface BundleSize {
  name: string;
  files: string[];
  minified: number;
  gzip: number;
}

/** An extension page's size is its HTML's scripts: the entry chunk and the chunks it imports. */
function pageScripts(html: string): string[] {
  const path = join(EXTENSION_DIR, html);
  if (!existsSync(path)) return [];
  const found = new Set<string>();
  const queue = [...readFileSync(path, 'utf8').matchAll(/src="\/?([^"]+\.js)"/g)].map((match) => match[1]!);
  while (queue.length) {
    const file = queue.shift()!;
    if (found.has(file)) continue;
    found.add(file);
    const code = readFileSync(join(EXTENSION_DIR, file), 'utf8');
    for (const match of code.matchAll(/from\s*"\.\/([^"]+\.js)"/g)) queue.push(`chunks/${match[1]}`);
  }
  return [...found];
}

function measure(name: string, files: string[]): BundleSize {
  const contents = files.map((file) => readFileSync(join(EXTENSION_DIR, file)));
  return {
    name,
    files,
    minified: contents.reduce((sum, buffer) => sum + buffer.length, 0),
    gzip: contents.reduce((sum, buffer) => sum + gzipSync(buffer).length, 0),
  };
}

export function bundleSizes(): BundleSize[] {
  const popup = pageScripts('popup.html');
  return [
    measure('watcher (every gitlab.com page)', ['content-scripts/retro-watch.js']),
    measure('panel (emergency issues only)', ['content-scripts/retro-panel.js']),
    measure('timeline section (when opened)', ['content-scripts/retro-timeline.js']),
    measure('background worker', ['background.js']),
    ...(popup.length ? [measure('popup', popup)] : []),
    measure('options page', pageScripts('options.html')),
  ];
}
