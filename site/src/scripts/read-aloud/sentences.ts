/**
 * Text cut into what one utterance says: a sentence at most. Chrome stops a long utterance
 * partway on some voices, and short ones let pause and stop act at once. Pure.
 */

/** Ends of sentences: a Chinese mark, or an English one before a space; the mark stays with its sentence. */
const sentenceEnd = /(?<=[。！？；])\s*|(?<=[.!?;])\s+/u;

/**
 * The sentences of some blocks of text (one per line of each), trimmed, empty ones dropped.
 * @example sentences(['你好。我在这里！', 'Hello. Me too']) // ['你好。', '我在这里！', 'Hello.', 'Me too']
 */
export function sentences(blocks: readonly string[]): string[] {
  return blocks
    .flatMap((block) => block.split(/\n+/))
    .flatMap((line) => line.split(sentenceEnd))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}
