import type { Hold } from './reviews.schemas.ts';

const LINK = /\bhttps?:\/\/|\bwww\./i;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The word list as one case-insensitive pattern of whole words: a held word inside a longer word
 * does not match ("ass" is not held in "class"); Unicode letters and digits count as word characters.
 */
export function wordPattern(words: readonly string[]): RegExp | null {
  const alternatives = [...new Set(words.map((w) => w.trim().toLowerCase()).filter(Boolean))].map(
    escapeRegExp,
  );
  if (alternatives.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'iu');
}

/** Why a review's text must wait for staff, if it must: a held word, a link. */
export function holdsOf(
  texts: ReadonlyArray<string | null | undefined>,
  settings: { heldWords: readonly string[]; holdLinks: boolean },
): Hold[] {
  const text = texts.filter((t): t is string => typeof t === 'string').join('\n');
  const held: Hold[] = [];
  if (wordPattern(settings.heldWords)?.test(text)) held.push('words');
  if (settings.holdLinks && LINK.test(text)) held.push('links');
  return held;
}
