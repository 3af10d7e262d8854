package org.clutch.web.problem;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page of the whole web application (WEB-INF/web.xml): what the server answers on its own, before or
 * around the REST resources (a token the authentication refuses, an address outside the API, a method no servlet
 * takes, a failure outside JAX-RS), goes out as problem+json too, never as the server's HTML page. Every method
 * lands here, so it answers all of them.
 */
@WebServlet(ProblemPage.PATH)
public class ProblemPage extends HttpServlet {

    static final String PATH = "/problem";

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer given && given >= 400 ? given : HttpServletResponse.SC_NOT_FOUND;
        if (status == HttpServletResponse.SC_NOT_IMPLEMENTED) {
            // a method (PATCH, say) that the servlet at an address outside the API does not know: not a server fault
            status = HttpServletResponse.SC_METHOD_NOT_ALLOWED;
        }
        Problem problem = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                ? ProblemMappers.problemFor(failure) : ProblemMappers.forStatus(status, null);
        write(response, problem);
    }

    /** Answers with the problem, from servlet code that runs outside JAX-RS. */
    public static void write(HttpServletResponse response, Problem problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSONB.toJson(problem));
    }
}
