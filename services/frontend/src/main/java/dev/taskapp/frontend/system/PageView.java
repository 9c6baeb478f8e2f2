package dev.taskapp.frontend.system;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.springframework.boot.autoconfigure.JteView;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;

/**
 * A page rendered by its precompiled JTE template. Every template may also take {@code csrf} (the token
 * its POST forms send back) and {@code errors} (those of the model's {@code form}). The page is rendered
 * whole before it is sent, so headers set while rendering (the CSRF cookie) are never lost.
 */
class PageView extends JteView {

    private final TemplateEngine templates;

    PageView(TemplateEngine templates) {
        super(templates);
        this.templates = templates;
    }

    @Override
    protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request,
            HttpServletResponse response) throws Exception {
        model.put("csrf", request.getAttribute(CsrfToken.class.getName()));
        model.put("errors", FormErrors.of((Errors) model.get(BindingResult.MODEL_KEY_PREFIX + "form")));
        Utf8ByteOutput page = new Utf8ByteOutput();
        templates.render(getUrl(), model, page);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(page.getContentLength());
        page.writeTo(response.getOutputStream());
    }
}
