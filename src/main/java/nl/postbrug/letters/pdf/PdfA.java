package nl.postbrug.letters.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.util.DateConverter;

/**
 * Makes a laid-out document PDF/A-2b and reproducible: sRGB output intent, XMP metadata
 * that matches the document information, and a document ID and dates that come from the
 * input, not from the clock or a random number, so the same input gives the same bytes.
 */
final class PdfA {

	/** The sRGB profile, compressed once rather than for every letter. */
	private static final byte[] SRGB_DEFLATED = deflate(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());

	private static final String PRODUCER = "Postbrug";

	private static final DateTimeFormatter XMP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
		.withZone(ZoneOffset.UTC);

	private PdfA() {
	}

	private static byte[] deflate(byte[] data) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
		try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION))) {
			deflater.write(data);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * A creation time to the second, as the document information and the XMP metadata
	 * write it.
	 */
	private record Stamp(long second, String pdf, String xmp) {
	}

	/** The last stamp made: letters rendered within the same second share it. */
	private static final AtomicReference<Stamp> LAST = new AtomicReference<>();

	private static Stamp stamp(Instant created) {
		long second = created.getEpochSecond();
		Stamp last = LAST.get();
		if (last != null && last.second() == second) {
			return last;
		}
		Instant when = Instant.ofEpochSecond(second);
		Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
		date.setTimeInMillis(when.toEpochMilli());
		Stamp stamp = new Stamp(second, DateConverter.toString(date), XMP_DATE.format(when));
		LAST.set(stamp);
		return stamp;
	}

	static void apply(PDDocument doc, Instant created, byte[] id) throws IOException {
		Stamp stamp = stamp(created);
		// the same strings PDDocumentInformation.setCreationDate/setModificationDate
		// would write
		PDDocumentInformation info = new PDDocumentInformation();
		info.setProducer(PRODUCER);
		info.getCOSObject().setString(COSName.CREATION_DATE, stamp.pdf());
		info.getCOSObject().setString(COSName.MOD_DATE, stamp.pdf());
		doc.setDocumentInformation(info);

		String xmp = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
				+ "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
				+ "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
				+ "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\""
				+ " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
				+ "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n" + "<xmp:CreateDate>"
				+ stamp.xmp() + "</xmp:CreateDate>\n" + "<xmp:ModifyDate>" + stamp.xmp() + "</xmp:ModifyDate>\n"
				+ "<pdf:Producer>" + PRODUCER + "</pdf:Producer>\n"
				+ "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
		PDMetadata metadata = new PDMetadata(doc);
		metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
		doc.getDocumentCatalog().setMetadata(metadata);

		COSStream profile = doc.getDocument().createCOSStream();
		try (OutputStream out = profile.createRawOutputStream()) {
			out.write(SRGB_DEFLATED);
		}
		profile.setItem(COSName.FILTER, COSName.FLATE_DECODE);
		profile.setInt(COSName.N, 3);
		COSDictionary intentDict = new COSDictionary();
		intentDict.setItem(COSName.TYPE, COSName.getPDFName("OutputIntent"));
		intentDict.setItem(COSName.S, COSName.GTS_PDFA1);
		intentDict.setItem(COSName.DEST_OUTPUT_PROFILE, profile);
		PDOutputIntent intent = new PDOutputIntent(intentDict);
		intent.setInfo("sRGB IEC61966-2.1");
		intent.setOutputCondition("sRGB IEC61966-2.1");
		intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
		intent.setRegistryName("http://www.color.org");
		doc.getDocumentCatalog().getCOSObject().removeItem(COSName.OUTPUT_INTENTS);
		doc.getDocumentCatalog().addOutputIntent(intent);

		// PDF/A forbids image interpolation; openhtmltopdf asks for it on every image
		for (PDPage page : doc.getPages()) {
			PDResources resources = page.getResources();
			for (COSName name : resources.getXObjectNames()) {
				COSBase image = resources.getCOSObject().getCOSDictionary(COSName.XOBJECT).getDictionaryObject(name);
				if (image instanceof COSDictionary dict && COSName.IMAGE.equals(dict.getCOSName(COSName.SUBTYPE))) {
					dict.removeItem(COSName.INTERPOLATE);
					COSBase mask = dict.getDictionaryObject(COSName.SMASK);
					if (mask instanceof COSDictionary smask) {
						smask.removeItem(COSName.INTERPOLATE);
					}
				}
			}
		}

		COSArray ids = new COSArray();
		ids.add(new COSString(id));
		ids.add(new COSString(id));
		doc.getDocument().getTrailer().setItem(COSName.ID, ids);
	}

}
