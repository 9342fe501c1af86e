package io.gatehouse.examples.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code /dev/inbox}: the mail the embedded SMTP server received, listed (from, to, subject, time) and shown one
 * by one with its text part and its HTML part.
 *
 * <p>Security note: the HTML part is shown in an {@code <iframe srcdoc>} with a {@code sandbox} that allows no
 * scripts and no same-origin access, so a mail cannot run code or read the demo's cookies or pages. Its links
 * open in the top window on a click ({@code allow-top-navigation-by-user-activation}), as in a mail client.
 */
final class InboxServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient Web web;
    private final transient EmbeddedInbox inbox;

    InboxServlet(Web web, EmbeddedInbox inbox) {
        this.web = web;
        this.inbox = inbox;
    }

    /** A row of the list. */
    record Row(int number, String from, String to, String subject, String received) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || "/".equals(path)) {
            List<Row> rows = inbox.mails().stream().map(m -> new Row(m.number(), m.from(), m.to(), m.subject(),
                    Dates.format(m.received()))).toList();
            web.page(request, response, "inbox", Map.of("mails", rows));
            return;
        }
        Optional<EmbeddedInbox.Mail> mail = number(path).flatMap(inbox::mail);
        if (mail.isEmpty()) {
            web.error(request, response, HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        EmbeddedInbox.Mail m = mail.get();
        Map<String, Object> model = new HashMap<>();
        model.put("mail", new Row(m.number(), m.from(), m.to(), m.subject(), Dates.format(m.received())));
        model.put("text", m.text());
        model.put("frame", m.html() == null ? "" : frame(m.html()));
        web.page(request, response, "inbox-message", model);
    }

    /** The HTML part with {@code <base target="_top">}, so its links replace the page, not the frame. */
    static String frame(String html) {
        String base = "<base target=\"_top\">";
        int head = html.toLowerCase(Locale.ROOT).indexOf("<head>");
        return head < 0 ? base + html : html.substring(0, head + 6) + base + html.substring(head + 6);
    }

    private static Optional<Integer> number(@Nullable String path) {
        if (path == null || !path.matches("/[1-9][0-9]{0,8}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(path.substring(1)));
    }
}
