/** Whether a line is written as chats write a person's display name. */
/** How long a display name runs at most. */
const NAME_LENGTH = 40;
/** A display name: short, a few words, no sentence punctuation ("at the logs :eyes:" is not one). */
export const looksLikeName = (line: string, maxWords = 4) => line.length <= NAME_LENGTH && line.split(/\s+/).length <= maxWords && !/[:?!,;]|\.$/.test(line);
/** What display names do not hold, and messages do: "HTTP 502", "@Lee Lead", "CPU 100%". */
const NOT_IN_NAMES = /[\d@%]/;
/** Words messages open with that no name does ("Thanks Lee", "Hi Ana"). */
const GREETINGS = new Set(['Thanks', 'Thank', 'Hi', 'Hey', 'Hello']);
/** Small words that names carry in lowercase ("Ana de la Cruz", "Hans van der Berg"). */
const PARTICLES = new Set(['al', 'bin', 'da', 'das', 'de', 'del', 'della', 'der', 'di', 'do', 'dos', 'du', 'la', 'le', 'van', 'von', 'y', 'zu']);
/** A word that does not start in lower case ("Lee", "O'Brien", "🌍"): one pattern, made once, as a Teams paste asks it of every line. */
const LOWER_FIRST = /^\p{Ll}/u;
const capitalised = (word: string) => !LOWER_FIRST.test(word);
/**
 * A line under a message, or what a Teams line has before its colon, that may be a new speaker's
 * name: written as names are ("Lee Lead", "Ana de la Cruz"; not "checking logs", "yes", "LGTM",
 * "🎉" or "image.png"). A single word ("Done") counts only when asked for (once the chat has shown
 * names above times). `line` comes without Slack's status emoji and bot badge.
 */
export function looksLikeNewName(written: string, singleWordToo: boolean): boolean {
  // Before any pattern: what a Teams line has before its colon can run to a megabyte.
  if (written.length > NAME_LENGTH + 1) return false;
  // "Sam S.": a last initial is the one full stop a name ends with.
  const line = /\s\p{Lu}\.$/u.test(written) ? written.slice(0, -1) : written;
  const words = line.split(/\s+/);
  // Particles let a name run to five words ("Juan Carlos de la Vega").
  const maxWords = words.some((word) => PARTICLES.has(word)) ? 5 : 4;
  if (!looksLikeName(line, maxWords) || NOT_IN_NAMES.test(line) || GREETINGS.has(words[0]!) || /\.[a-z]{2,5}$/i.test(line) || !/\p{L}/u.test(line)) return false;
  if (words.length === 1 && (!singleWordToo || /^\p{Lu}{2,5}$/u.test(line))) return false;
  return capitalised(words[0]!) && capitalised(words.at(-1)!) && words.every((word) => capitalised(word) || PARTICLES.has(word));
}
