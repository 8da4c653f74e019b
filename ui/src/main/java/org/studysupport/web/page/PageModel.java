package org.studysupport.web.page;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.studysupport.security.CurrentActor;

/**
 * What every page's template may use: the signed-in user ({@code viewer}, absent on the sign-in
 * page) and the path of the page, for the navigation to mark where the user is.
 */
@ControllerAdvice(basePackageClasses = PageModel.class)
public class PageModel {

    @ModelAttribute("viewer")
    Viewer viewer() {
        return CurrentActor.find().map(Viewer::of).orElse(null);
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
