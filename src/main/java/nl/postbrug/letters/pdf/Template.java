package nl.postbrug.letters.pdf;

import nl.postbrug.Sha256;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import nl.postbrug.letters.BrokenTemplate;

/**
 * One print template: parsed once into a DOM and checked against its {@link Schema}; each
 * render works on a deep copy, filling {@code {{field}}} placeholders in text and
 * attribute values, replacing block placeholders ({@code {{body}}}) with generated
 * elements, and repeating elements marked {@code data-each="list"} once per row.
 */
final class Template {

	static final String XHTML = "http://www.w3.org/1999/xhtml";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");

	/**
	 * The fields a template may use.
	 *
	 * @param barcodeField the field a {@code custom/qr} object must print, so every page
	 * carries its code
	 */
	record Schema(String name, Set<String> text, Set<String> blocks, Map<String, Set<String>> lists,
			String barcodeField) {
	}

	private final Path file;

	private final Schema schema;

	private final Document dom;

	private final String sha256;

	private Template(Path file, Schema schema, Document dom, String sha256) {
		this.file = file;
		this.schema = schema;
		this.dom = dom;
		this.sha256 = sha256;
	}

	/**
	 * SHA-256 of the file as read, in hex: tells which version of a template was in use.
	 */
	String sha256() {
		return this.sha256;
	}

	Path file() {
		return this.file;
	}

	Schema schema() {
		return this.schema;
	}

	/** Reads, parses and checks the template; refuses it with the file and the reason. */
	static Template load(Path dir, Schema schema) {
		Path file = dir.resolve(schema.name());
		String source;
		try {
			source = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException ex) {
			throw new BrokenTemplate(file,
					"the file does not exist; set postbrug.letters.template-dir to the folder holding " + schema.name(),
					ex);
		}
		catch (IOException ex) {
			throw new BrokenTemplate(file, "it could not be read (" + ex + ")", ex);
		}
		Document dom = parse(file, source);
		Template template = new Template(file, schema, dom, sha256(source));
		template.check();
		return template;
	}

	private static String sha256(String source) {
		return Sha256.hex(source);
	}

	private static Document parse(Path file, String source) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setExpandEntityReferences(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			Document dom = builder.parse(new InputSource(new StringReader(source)));
			Element root = dom.getDocumentElement();
			if (!"html".equals(root.getLocalName()) || !XHTML.equals(root.getNamespaceURI())) {
				throw new BrokenTemplate(file,
						"the root element must be <html xmlns=\"" + XHTML + "\">, found <" + root.getTagName() + ">",
						null);
			}
			return dom;
		}
		catch (SAXParseException ex) {
			throw new BrokenTemplate(file, "not well-formed XHTML at line " + ex.getLineNumber() + ", column "
					+ ex.getColumnNumber() + ": " + ex.getMessage(), ex);
		}
		catch (SAXException | IOException | ParserConfigurationException ex) {
			throw new BrokenTemplate(file, "it could not be parsed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Every placeholder known where it stands, blocks alone in their text, the barcode
	 * present.
	 */
	private void check() {
		boolean[] barcode = { false };
		walk(this.dom.getDocumentElement(), null, barcode);
		if (!barcode[0]) {
			throw new BrokenTemplate(this.file, "it needs <object type=\"" + QrOutline.TYPE + "\" data-code=\"{{"
					+ this.schema.barcodeField() + "}}\"/> so that every page carries the barcode", null);
		}
	}

	private void walk(Element element, String list, boolean[] barcode) {
		String each = element.getAttribute("data-each");
		if (!each.isEmpty()) {
			if (list != null) {
				throw new BrokenTemplate(this.file,
						"data-each=\"" + each + "\" inside data-each=\"" + list + "\": lists do not nest", null);
			}
			if (!this.schema.lists().containsKey(each)) {
				throw new BrokenTemplate(this.file,
						"data-each=\"" + each + "\" names no list; known lists are " + this.schema.lists().keySet(),
						null);
			}
			list = each;
		}
		if (QrOutline.TYPE.equals(element.getAttribute("type"))
				&& element.getAttribute("data-code").strip().equals("{{" + this.schema.barcodeField() + "}}")) {
			barcode[0] = true;
		}
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			checkText(attributes.item(i).getNodeValue(), list, false);
		}
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element e) {
				walk(e, list, barcode);
			}
			else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
				checkText(child.getNodeValue(), list, true);
			}
		}
	}

	private void checkText(String value, String list, boolean inText) {
		Matcher m = PLACEHOLDER.matcher(value);
		while (m.find()) {
			String name = m.group(1);
			if (this.schema.blocks().contains(name)) {
				if (!inText || !value.strip().equals(m.group())) {
					throw new BrokenTemplate(this.file, "{{" + name + "}} makes elements, so it must stand alone"
							+ " between tags, e.g. <div>{{" + name + "}}</div>", null);
				}
				continue;
			}
			if (this.schema.text().contains(name) || list != null && this.schema.lists().get(list).contains(name)) {
				continue;
			}
			throw new BrokenTemplate(this.file, "unknown field {{" + name + "}}"
					+ (list == null ? ""
							: " in data-each=\"" + list + "\" (row fields " + this.schema.lists().get(list) + ")")
					+ "; known fields are " + this.schema.text() + " and blocks " + this.schema.blocks()
					+ " (see print-templates/README.md)", null);
		}
	}

	/** A filled copy of the template. */
	Document fill(Fields fields) {
		Document copy;
		// a DOM is not safe for concurrent reads (node list caches); copying is quick
		synchronized (this.dom) {
			copy = (Document) this.dom.cloneNode(true);
		}
		fill(copy, copy.getDocumentElement(), fields, null);
		return copy;
	}

	private void fill(Document doc, Element element, Fields fields, Map<String, String> row) {
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attr = (Attr) attributes.item(i);
			String value = attr.getValue();
			if (value.contains("{{")) {
				attr.setValue(replace(value, fields, row));
			}
		}
		List<Node> children = new ArrayList<>();
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			children.add(child);
		}
		for (Node child : children) {
			if (child instanceof Element e) {
				String each = e.getAttribute("data-each");
				if (!each.isEmpty() && row == null) {
					e.removeAttribute("data-each");
					for (Map<String, String> r : fields.lists.getOrDefault(each, List.of())) {
						Element clone = (Element) e.cloneNode(true);
						element.insertBefore(clone, e);
						fill(doc, clone, fields, r);
					}
					element.removeChild(e);
				}
				else {
					fill(doc, e, fields, row);
				}
			}
			else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
				String value = child.getNodeValue();
				if (!value.contains("{{")) {
					continue;
				}
				Matcher m = PLACEHOLDER.matcher(value.strip());
				if (m.matches() && fields.blocks.containsKey(m.group(1))) {
					for (Node generated : fields.blocks.get(m.group(1)).apply(doc)) {
						element.insertBefore(generated, child);
					}
					element.removeChild(child);
				}
				else {
					child.setNodeValue(replace(value, fields, row));
				}
			}
		}
	}

	private String replace(String value, Fields fields, Map<String, String> row) {
		Matcher m = PLACEHOLDER.matcher(value);
		StringBuilder out = new StringBuilder(value.length() + 32);
		while (m.find()) {
			String name = m.group(1);
			String v = row != null && row.containsKey(name) ? row.get(name) : fields.text.get(name);
			if (v == null) {
				throw new IllegalStateException("No value for {{" + name + "}} in " + this.file);
			}
			m.appendReplacement(out, Matcher.quoteReplacement(v));
		}
		m.appendTail(out);
		return out.toString();
	}

}
