package io.mops.qa.rules;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The CSS selector that points at one element of the email HTML, e.g. {@code html > body > table > tbody > tr:nth-child(2)
 * > td > a}. Written here rather than taken from jsoup's {@code Element.cssSelector()}, which proves each step unique by
 * querying the whole document: cubic in the depth of the document, so a few thousand nested tags took minutes.
 * This path is linear in the depth, and stops after {@value #MAX_STEPS} steps so a pathologically deep document
 * still gets short locations (a truncated path starts below {@code html > body}).
 */
public final class ElementPath {

    static final int MAX_STEPS = 40;

    private ElementPath() {
    }

    public static String of(Element element) {
        Deque<String> steps = new ArrayDeque<>();
        Element current = element;
        while (current != null && !(current instanceof Document) && steps.size() < MAX_STEPS) {
            Element parent = current.parent();
            boolean needsIndex = parent != null && !(parent instanceof Document) && parent.childrenSize() > 1
                    && !isOnlyOneOfItsKind(current);
            steps.push(needsIndex ? current.tagName() + ":nth-child(" + (current.elementSiblingIndex() + 1) + ")"
                    : current.tagName());
            current = parent;
        }
        return String.join(" > ", steps);
    }

    /** A document has one head and one body; numbering them only makes every path longer. */
    private static boolean isOnlyOneOfItsKind(Element element) {
        String tag = element.tagName();
        return tag.equals("body") || tag.equals("head");
    }
}
