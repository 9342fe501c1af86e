package io.gatehouse.mail.template;

import static io.gatehouse.mail.template.Html.escape;

import io.gatehouse.mail.template.Draft.Action;
import io.gatehouse.mail.template.Draft.Block;
import io.gatehouse.mail.template.Draft.Note;
import io.gatehouse.mail.template.Draft.Paragraph;

/**
 * Lays a {@link Draft} out as plain text and as HTML. The HTML follows the verification mail of the source
 * blog: nested tables on a grey background, a white card, a coloured button-like link. Every style is an
 * inline {@code style} attribute, because many mail clients drop {@code <style>} blocks and never load
 * external CSS; there are no images and no scripts. Every value is escaped where it is inserted.
 */
final class MailLayout {
    private static final String FONT = "font-family:Arial,Helvetica,'Apple SD Gothic Neo','Malgun Gothic',"
            + "sans-serif;";
    private static final String CARD_CELL = "padding:32px 28px;" + FONT
            + "font-size:15px;line-height:24px;color:#333333;text-align:left;";
    private static final String H1 = "margin:0 0 20px 0;" + FONT + "font-size:22px;line-height:30px;"
            + "font-weight:normal;color:#222222;";
    private static final String P = "margin:0 0 16px 0;" + FONT + "font-size:15px;line-height:24px;color:#333333;";
    private static final String SMALL = "margin:0 0 16px 0;" + FONT + "font-size:13px;line-height:20px;"
            + "color:#6f777d;";
    private static final String BUTTON_CELL = "border-radius:4px;background-color:#2f6fde;text-align:center;";
    private static final String BUTTON = "display:inline-block;padding:12px 28px;" + FONT + "font-size:16px;"
            + "font-weight:bold;line-height:20px;color:#ffffff;text-decoration:none;border-radius:4px;";
    private static final String TEXT_LINK = "color:#2f6fde;text-decoration:underline;word-break:break-all;";

    private MailLayout() {
    }

    static MailContent render(Wording wording, Draft draft, String site) {
        return new MailContent(draft.subject(), text(wording, draft, site), html(wording, draft, site));
    }

    static String text(Wording wording, Draft draft, String site) {
        StringBuilder out = new StringBuilder(512);
        for (Block block : draft.blocks()) {
            if (block instanceof Paragraph p) {
                out.append(p.text());
            } else if (block instanceof Action a) {
                out.append(a.link());
            } else if (block instanceof Note n) {
                out.append(n.text());
            }
            out.append("\n\n");
        }
        return out.append("-- \n").append(wording.signOff(site)).append('\n').toString();
    }

    static String html(Wording wording, Draft draft, String site) {
        StringBuilder out = new StringBuilder(4096);
        out.append("<!DOCTYPE html>\n<html lang=\"").append(wording.languageTag()).append("\">\n<head>\n")
                .append("<meta charset=\"UTF-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(draft.subject())).append("</title>\n</head>\n")
                .append("<body style=\"margin:0;padding:0;background-color:#eaeced;\">\n")
                .append("<table role=\"presentation\" style=\"width:100%;border-collapse:collapse;"
                        + "background-color:#eaeced;\">\n<tr>\n<td style=\"padding:24px 12px;\">\n")
                .append("<table role=\"presentation\" style=\"width:100%;max-width:560px;margin:0 auto;"
                        + "border-collapse:collapse;background-color:#ffffff;border-radius:4px;\">\n<tr>\n")
                .append("<td style=\"").append(CARD_CELL).append("\">\n")
                .append("<h1 style=\"").append(H1).append("\">").append(escape(draft.heading())).append("</h1>\n");
        for (Block block : draft.blocks()) {
            if (block instanceof Paragraph p) {
                paragraph(out, P, escape(p.text()));
            } else if (block instanceof Action a) {
                button(out, a);
                paragraph(out, SMALL, escape(wording.linkHint()) + "<br>\n<a href=\"" + escape(a.link())
                        + "\" style=\"" + TEXT_LINK + "\">" + escape(a.link()) + "</a>");
            } else if (block instanceof Note n) {
                paragraph(out, SMALL, escape(n.text()));
            }
        }
        paragraph(out, P, escape(wording.signOff(site)));
        return out.append("</td>\n</tr>\n</table>\n</td>\n</tr>\n</table>\n</body>\n</html>\n").toString();
    }

    private static void paragraph(StringBuilder out, String style, String escapedHtml) {
        out.append("<p style=\"").append(style).append("\">").append(escapedHtml).append("</p>\n");
    }

    private static void button(StringBuilder out, Action action) {
        out.append("<table role=\"presentation\" style=\"margin:24px auto;border-collapse:separate;\">\n<tr>\n")
                .append("<td style=\"").append(BUTTON_CELL).append("\">")
                .append("<a href=\"").append(escape(action.link())).append("\" style=\"").append(BUTTON).append("\">")
                .append(escape(action.label())).append("</a></td>\n</tr>\n</table>\n");
    }
}
