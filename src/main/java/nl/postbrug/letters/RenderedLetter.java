package nl.postbrug.letters;

/** One rendered letter (or cover sheet) as PDF bytes. */
public record RenderedLetter(byte[] pdf, int pages) {
}
