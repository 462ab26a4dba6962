package io.mops.qa.rules.clients;

import org.htmlunit.cssparser.dom.AbstractCSSRuleImpl;
import org.htmlunit.cssparser.dom.CSSFontFaceRuleImpl;
import org.htmlunit.cssparser.dom.CSSImportRuleImpl;
import org.htmlunit.cssparser.dom.CSSMediaRuleImpl;
import org.htmlunit.cssparser.dom.CSSRuleListImpl;
import org.htmlunit.cssparser.dom.CSSStyleDeclarationImpl;
import org.htmlunit.cssparser.dom.CSSStyleRuleImpl;
import org.htmlunit.cssparser.dom.CSSStyleSheetImpl;
import org.htmlunit.cssparser.dom.CSSUnknownRuleImpl;
import org.htmlunit.cssparser.dom.Property;
import org.htmlunit.cssparser.parser.CSSErrorHandler;
import org.htmlunit.cssparser.parser.CSSException;
import org.htmlunit.cssparser.parser.CSSOMParser;
import org.htmlunit.cssparser.parser.CSSParseException;
import org.htmlunit.cssparser.parser.InputSource;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of caniemail's features an email uses, and where: HTML elements and attributes read from the parsed document
 * (jsoup), CSS properties, at-rules, functions and pseudo-classes read from its {@code style} attributes and
 * {@code <style>} sheets (HtmlUnit's CSS parser). A feature is named by its caniemail slug
 * ({@code css-display-flex}, {@code html-video}); only slugs the data set knows are reported.
 */
public final class EmailFeatures {

    /** Where a feature is used: the element, and what of it ({@code display: flex}, {@code <video>}). */
    public record Use(Element element, String what) {
    }

    /** Present in every document jsoup builds, or not a feature a sender chooses. */
    private static final Set<String> IMPLICIT = Set.of("html-body", "html-doctype", "html-comments");
    private static final Set<String> SIDES = Set.of("top", "right", "bottom", "left");
    private static final Pattern PSEUDO = Pattern.compile("(::?)([a-z-]+)");
    private static final Map<String, String> FUNCTIONS = Map.of(
            "linear-gradient(", "css-linear-gradient", "radial-gradient(", "css-radial-gradient",
            "conic-gradient(", "css-conic-gradient", "calc(", "css-unit-calc", "clamp(", "css-function-clamp",
            "var(", "css-variables", "light-dark(", "css-function-light-dark", "rgba(", "css-rgba");

    private final CanIEmail data;

    public EmailFeatures(CanIEmail data) {
        this.data = data;
    }

    /** Slug → its uses, in document order. */
    public Map<String, List<Use>> of(Document html) {
        Map<String, List<Use>> used = new LinkedHashMap<>();
        for (Element element : html.getAllElements()) {
            htmlFeatures(element, used);
            String style = element.attr("style");
            if (!style.isBlank()) {
                declarations(parser().parseStyleDeclarationSafely(style), element, "", used);
            }
            if (element.normalName().equals("style")) {
                sheet(element, used);
            }
        }
        return used;
    }

    private void htmlFeatures(Element element, Map<String, List<Use>> used) {
        String tag = element.normalName();
        String tagSlug = switch (tag) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> "html-h1-h6";
            case "ul", "ol", "li", "dl" -> "html-lists";
            case "map", "area" -> "html-image-maps";
            case "s", "strike" -> "html-strike";
            case "input" -> "html-input-" + element.attr("type").toLowerCase(Locale.ROOT);
            case "button" -> "html-button-" + element.attr("type").toLowerCase(Locale.ROOT);
            default -> "html-" + tag;
        };
        add(tagSlug, element, "<" + tag + ">", used);
        for (Attribute attribute : element.attributes()) {
            String name = attribute.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("style")) {
                continue; // the CSS inside is judged property by property; html-style is the <style> element
            }
            add("loading".equals(name) ? "html-loading-attribute" : "html-" + name, element,
                    name + " attribute", used);
        }
        if (tag.equals("a")) {
            String href = element.attr("href").strip().toLowerCase(Locale.ROOT);
            if (href.startsWith("mailto:")) {
                add("html-mailto-links", element, "mailto: link", used);
            } else if (href.startsWith("#") && href.length() > 1) {
                add("html-anchor-links", element, "link to an anchor", used);
            }
        }
        if (tag.equals("meta") && "color-scheme".equalsIgnoreCase(element.attr("name"))) {
            add("html-meta-color-scheme", element, "<meta name=\"color-scheme\">", used);
        }
    }

    private void sheet(Element style, Map<String, List<Use>> used) {
        CSSStyleSheetImpl sheet;
        try {
            sheet = parser().parser.parseStyleSheet(new InputSource(new StringReader(style.data())), null);
        } catch (IOException | RuntimeException e) {
            return;
        }
        if (sheet != null) {
            rules(sheet.getCssRules(), style, used);
        }
    }

    private void rules(CSSRuleListImpl rules, Element style, Map<String, List<Use>> used) {
        if (rules == null) {
            return;
        }
        for (AbstractCSSRuleImpl rule : rules.getRules()) {
            switch (rule) {
                case CSSStyleRuleImpl styleRule -> {
                    String selector = styleRule.getSelectorText();
                    Matcher pseudo = PSEUDO.matcher(selector.toLowerCase(Locale.ROOT));
                    while (pseudo.find()) {
                        String name = pseudo.group(2);
                        boolean element = pseudo.group(1).length() == 2 || Set.of("before", "after",
                                "first-letter", "first-line", "marker", "placeholder").contains(name);
                        add((element ? "css-pseudo-element-" : "css-pseudo-class-") + name, style,
                                selector + " (in <style>)", used);
                    }
                    declarations(styleRule.getStyle(), style, selector + " { … } in <style>: ", used);
                }
                case CSSMediaRuleImpl media -> {
                    add("css-at-media", style, "@media " + media.getMediaList().getMediaText(), used);
                    String query = media.getMediaList().getMediaText().toLowerCase(Locale.ROOT);
                    for (String feature : List.of("prefers-color-scheme", "prefers-reduced-motion", "orientation",
                            "hover")) {
                        if (query.contains(feature)) {
                            add("css-at-media-" + feature, style, "@media " + query, used);
                        }
                    }
                    rules(media.getCssRules(), style, used);
                }
                case CSSFontFaceRuleImpl fontFace -> add("css-at-font-face", style, "@font-face", used);
                case CSSImportRuleImpl importRule -> add("css-at-import", style, "@import", used);
                case CSSUnknownRuleImpl unknown -> {
                    String text = unknown.getCssText().strip().toLowerCase(Locale.ROOT);
                    if (text.startsWith("@keyframes") || text.startsWith("@-webkit-keyframes")) {
                        add("css-at-keyframes", style, "@keyframes", used);
                    } else if (text.startsWith("@supports")) {
                        add("css-at-supports", style, "@supports", used);
                    }
                }
                default -> { }
            }
        }
    }

    private void declarations(CSSStyleDeclarationImpl declaration, Element element, String where,
                              Map<String, List<Use>> used) {
        if (declaration == null) {
            return;
        }
        for (Property property : declaration.getProperties()) {
            String name = property.getName().toLowerCase(Locale.ROOT);
            String value = property.getValue() == null ? "" : property.getValue().getCssText();
            String lowered = value.toLowerCase(Locale.ROOT);
            String what = where + name + ": " + value + (property.isImportant() ? " !important" : "");
            if (name.startsWith("--")) {
                add("css-variables", element, what, used);
                continue;
            }
            add(propertySlug(name), element, what, used);
            if (name.equals("display")) {
                String display = lowered.strip();
                if (display.equals("flex") || display.equals("inline-flex")) {
                    add("css-display-flex", element, what, used);
                } else if (display.equals("grid") || display.equals("inline-grid")) {
                    add("css-display-grid", element, what, used);
                } else if (display.equals("none")) {
                    add("css-display-none", element, what, used);
                }
            }
            FUNCTIONS.forEach((function, slug) -> {
                if (lowered.contains(function)) {
                    add(slug, element, what, used);
                }
            });
            if (property.isImportant()) {
                add("css-important", element, what, used);
            }
        }
    }

    /**
     * caniemail names shorthands and some longhands: {@code border-top-left-radius} is judged as
     * {@code css-border-radius}, {@code margin-top} as {@code css-margin}, {@code border-top-color} as
     * {@code css-border}.
     */
    private String propertySlug(String name) {
        if (SIDES.contains(name)) {
            return "css-left-right-top-bottom";
        }
        if (data.knows("css-" + name)) {
            return "css-" + name;
        }
        String withoutSides = String.join("-", java.util.Arrays.stream(name.split("-"))
                .filter(part -> !SIDES.contains(part)).toList());
        if (data.knows("css-" + withoutSides)) {
            return "css-" + withoutSides;
        }
        String shorter = withoutSides;
        while (shorter.contains("-")) {
            shorter = shorter.substring(0, shorter.lastIndexOf('-'));
            if (data.knows("css-" + shorter)) {
                return "css-" + shorter;
            }
        }
        return "css-" + name;
    }

    private void add(String slug, Element element, String what, Map<String, List<Use>> used) {
        if (data.knows(slug) && !IMPLICIT.contains(slug)) {
            used.computeIfAbsent(slug, s -> new ArrayList<>()).add(new Use(element, what));
        }
    }

    /** A parser that ignores what it cannot read: a typo in one declaration must not hide the others. */
    private static Quiet parser() {
        return new Quiet();
    }

    private static final class Quiet {
        final CSSOMParser parser = new CSSOMParser();

        Quiet() {
            parser.setErrorHandler(new CSSErrorHandler() {
                @Override
                public void warning(CSSParseException exception) throws CSSException {
                }

                @Override
                public void error(CSSParseException exception) throws CSSException {
                }

                @Override
                public void fatalError(CSSParseException exception) throws CSSException {
                }
            });
        }

        CSSStyleDeclarationImpl parseStyleDeclarationSafely(String style) {
            try {
                return parser.parseStyleDeclaration(style);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }
}
