package nl.postbrug.delivery;

import java.util.List;

import nl.postbrug.letters.ScannedPages;

import org.springframework.stereotype.Service;

/**
 * Reads the barcode in one camera frame for a browser without its own
 * {@code BarcodeDetector}. Decoding records nothing: the page submits the code it gets
 * back as if it had been typed, so a camera scan takes the same path as every other.
 */
@Service
public class CameraFrames {

	/**
	 * A phone's frame, as a JPEG or PNG the page draws from the video: a few hundred KB
	 * at most. A still image only: a PDF is no camera frame.
	 */
	static final ScannedPages.Limits FRAME = new ScannedPages.Limits(2L * 1024 * 1024, 1, 12_000_000L, 150);

	private static final byte[] PDF = { '%', 'P', 'D', 'F' };

	/**
	 * @return the codes on the frame, none when no barcode was in view
	 * @throws ScannedPages.Refused when the frame is not a readable image within the
	 * limits
	 */
	public List<String> codes(byte[] frame) {
		if (frame != null && frame.length >= PDF.length
				&& java.util.Arrays.equals(frame, 0, PDF.length, PDF, 0, PDF.length)) {
			throw new ScannedPages.Refused("scan.not-a-scan", "A camera frame is a PNG or JPEG image");
		}
		return ScannedPages.read(frame, FRAME).codes();
	}

}
