package org.studysupport.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;
import org.studysupport.security.SecurityHeaders;
import org.studysupport.web.Problems;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's own error report, for what Tomcat refuses before the application sees it (a path with an
 * encoded slash or NUL, a malformed request line): problem details with the security headers in
 * place of Tomcat's HTML page. Errors inside the application go to {@code /error} as before.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private final ObjectMapper objectMapper;

    public ProblemErrorReportValve(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            SecurityHeaders.writeTo(request, response);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(objectMapper.writeValueAsString(Problems.forStatus(status)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the answer was committed meanwhile: nothing more to tell it
        }
    }
}
