package io.mops.gateway.console;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Selector;

import java.util.List;

/**
 * An email's HTML as approvers see it in the console: parsed and re-serialised by jsoup, with each element a QA
 * finding points at outlined and numbered ({@code data-mops-finding}). It is served only inside an
 * {@code <iframe sandbox>} with a Content-Security-Policy of its own that runs no script and loads nothing from
 * outside (see {@link ContentSecurityPolicy#EMAIL_POLICY}), so what the email carries cannot act on the console.
 */
public final class EmailPreview {

    static final String FLAG_STYLE = "outline: 3px solid #a4161a; outline-offset: 2px; background: #fff3d6;";

    private EmailPreview() {
    }

    public static String highlighted(String html, List<String> selectors) {
        Document email = Jsoup.parse(html);
        int number = 0;
        for (String selector : selectors) {
            number++;
            List<Element> found;
            try {
                found = email.select(selector);
            } catch (Selector.SelectorParseException e) {
                // A selector this parser does not read is still listed with its finding; only the outline is lost.
                continue;
            }
            for (Element element : found) {
                String style = element.attr("style");
                element.attr("style", (style.isBlank() ? "" : style.strip() + (style.strip().endsWith(";") ? " " : "; "))
                        + FLAG_STYLE);
                element.attr("data-mops-finding", String.valueOf(number));
            }
        }
        return email.outerHtml();
    }
}
