package nl.postbrug.batches;

/** A letter was printed again under a new copy code; the old code is void from now on. */
public record LetterReprinted(long letterId, String voidedCode, String newCode, String actor) {
}
