package io.gatehouse.examples.demo;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.messageresolver.IMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders the demo's Thymeleaf templates (HTML mode: every {@code th:text} and attribute value is escaped)
 * with the demo's message bundle. Templates live in {@code templates/} beside this class. Thread-safe.
 */
final class Views {
    private final TemplateEngine engine;
    private final JakartaServletWebApplication application;

    Views(ServletContext servletContext) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Views.class.getClassLoader());
        resolver.setPrefix("io/gatehouse/examples/demo/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(new BundleResolver());
        application = JakartaServletWebApplication.buildApplication(Objects.requireNonNull(servletContext));
    }

    /** Writes the page with the given status; the model's values are what the template's expressions see. */
    void render(HttpServletRequest request, HttpServletResponse response, int status, String template,
            Locale locale, Map<String, Object> model) throws IOException {
        WebContext context = new WebContext(application.buildExchange(request, response), locale, model);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Language", locale.getLanguage());
        engine.process(template, context, response.getWriter());
    }

    /** {@code #{key}} in templates: the demo bundle, never the JVM's default language. */
    private static final class BundleResolver implements IMessageResolver {
        @Override
        public String getName() {
            return "demo-messages";
        }

        @Override
        public Integer getOrder() {
            return 0;
        }

        @Override
        public @Nullable String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
            // Null tells Thymeleaf the key is unknown, so it shows createAbsentMessageRepresentation's marker.
            return Messages.find(context.getLocale(), key, parameters == null ? new Object[0] : parameters)
                    .orElse(null);
        }

        @Override
        public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                Object[] parameters) {
            return "??" + key + "_" + context.getLocale() + "??";
        }
    }
}
