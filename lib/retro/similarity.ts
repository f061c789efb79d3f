/**
 * "Is there already an issue for this?": titles compared by their words (case, punctuation and
 * common words ignored) and by character bigrams, so "Geo replication stalls" finds
 * "Geo: replication stalled after network change".
 */
const STOP_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'with', 'is', 'are', 'be', 'when', 'after', 'it', 'at', 'by']);

export function titleWords(title: string): Set<string> {
  const words = title.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((word) => !STOP_WORDS.has(word)).map((word) => word.replace(/(?:ing|ed|es|s)$/, '') || word));
}

function bigrams(text: string): Map<string, number> {
  const clean = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  const counts = new Map<string, number>();
  for (let i = 0; i < clean.length - 1; i += 1) {
    const pair = clean.slice(i, i + 2);
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

function dice(a: string, b: string): number {
  const left = bigrams(a);
  const right = bigrams(b);
  let shared = 0;
  let total = 0;
  for (const [pair, count] of left) {
    shared += Math.min(count, right.get(pair) ?? 0);
    total += count;
  }
  for (const count of right.values()) total += count;
  return total ? (2 * shared) / total : 0;
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / Math.min(a.size, b.size);
}

/** 0 (unrelated) to 1 (same title). */
export function titleSimilarity(a: string, b: string): number {
  return Math.max(overlap(titleWords(a), titleWords(b)) * 0.9, dice(a, b));
}

export function similarTitles<T extends { title: string }>(title: string, candidates: readonly T[], threshold = 0.5, limit = 5): (T & { score: number })[] {
  return candidates
    .map((candidate) => ({ ...candidate, score: titleSimilarity(title, candidate.title) }))
    .filter((candidate) => candidate.score >= threshold)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/** A few words to send as GitLab's `search`: the longest, most telling ones. */
export function searchTermsFor(title: string, max = 4): string {
  return [...titleWords(title)].sort((a, b) => b.length - a.length).slice(0, max).join(' ');
}
