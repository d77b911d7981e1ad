package nl.postbrug.intake.mail;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * An HTML body reduced to its visible text, with line breaks where blocks end. Scripts,
 * styles and embedded objects go with their content; links and images leave nothing (no
 * address survives to be printed or fetched). Nothing from a mail is ever rendered as
 * markup.
 */
final class HtmlText {

	private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
			"blockquote", "pre", "table", "ul", "ol", "hr", "section", "article", "header", "footer", "address");

	private HtmlText() {
	}

	static String of(String html) {
		Document document = Jsoup.parse(html);
		document.select("script, style, head, noscript, template, object, embed, iframe, svg, math, title").remove();
		StringBuilder text = new StringBuilder();
		NodeTraversor.traverse(new NodeVisitor() {
			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode textNode) {
					Element parent = textNode.parent();
					boolean pre = parent != null && parent.normalName().equals("pre");
					text.append(pre ? textNode.getWholeText() : textNode.text());
				}
				else if (node instanceof Element element && element.normalName().equals("br")) {
					text.append('\n');
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (node instanceof Element element && BLOCKS.contains(element.normalName())
						&& !element.normalName().equals("br")) {
					text.append('\n');
				}
			}
		}, document.body() == null ? document : document.body());
		return text.toString().replaceAll("[ \\t\\u00A0]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
	}

}
