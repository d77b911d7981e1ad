package nl.postbrug.letters;

/**
 * Choices a facility makes about how its letters print.
 *
 * @param greyscalePhotos print photos in shades of grey (smaller files, no colour toner)
 */
public record RenderOptions(boolean greyscalePhotos) {

	/** Photos in colour. */
	public static final RenderOptions DEFAULT = new RenderOptions(false);

	/** Photos in shades of grey. */
	public static final RenderOptions GREYSCALE_PHOTOS = new RenderOptions(true);

}
