package nl.postbrug.screening.rules;

import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;

import nl.postbrug.screening.Finding;
import nl.postbrug.screening.Finding.Severity;

/**
 * Finds barcodes and QR codes inside photos: a photo is a way to smuggle a link or a code
 * past a reader of the text. Large photos are scaled down first, so the work per photo
 * stays bounded.
 */
public final class PhotoBarcodes {

	private static final int MAX_SIDE = 2000;

	private PhotoBarcodes() {
	}

	public static List<Finding> check(RuleSet rules, List<byte[]> photos) {
		List<Finding> findings = new ArrayList<>();
		if (rules.photoBarcodes == null) {
			return findings;
		}
		for (int i = 0; i < photos.size(); i++) {
			for (Result result : decode(photos.get(i))) {
				String text = result.getText();
				findings.add(Finding.inPhoto(
						"photo-barcode", rules.photoBarcodes, "A " + result.getBarcodeFormat() + " code in photo "
								+ (i + 1) + " reads: " + (text.length() > 200 ? text.substring(0, 200) + "…" : text),
						i));
			}
		}
		return findings;
	}

	/**
	 * The same check on a scanned reply's writing area: a code drawn or stuck on a reply
	 * sheet would leave the prison unread. The sheet's own code is outside that area.
	 */
	public static List<Finding> checkScan(RuleSet rules, byte[] image) {
		List<Finding> findings = new ArrayList<>();
		if (rules.photoBarcodes == null) {
			return findings;
		}
		for (Result result : decode(image)) {
			String text = result.getText();
			findings.add(Finding.whole("photo-barcode", rules.photoBarcodes, "A " + result.getBarcodeFormat()
					+ " code on the reply reads: " + (text.length() > 200 ? text.substring(0, 200) + "…" : text)));
		}
		return findings;
	}

	static List<Result> decode(byte[] photo) {
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo));
			if (image == null) {
				return List.of();
			}
			image = bounded(image);
			BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
			Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
			hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
			try {
				return List.of(new GenericMultipleBarcodeReader(new MultiFormatReader()).decodeMultiple(bitmap, hints));
			}
			catch (NotFoundException none) {
				return List.of();
			}
		}
		catch (IOException | RuntimeException unreadable) {
			// Photos were decoded and re-encoded at intake; one that cannot be read here
			// has no code to find.
			return List.of();
		}
	}

	private static BufferedImage bounded(BufferedImage image) {
		int side = Math.max(image.getWidth(), image.getHeight());
		if (side <= MAX_SIDE) {
			return image;
		}
		double scale = (double) MAX_SIDE / side;
		int w = (int) (image.getWidth() * scale);
		int h = (int) (image.getHeight() * scale);
		BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		scaled.createGraphics().drawImage(image.getScaledInstance(w, h, Image.SCALE_SMOOTH), 0, 0, null);
		return scaled;
	}

}
