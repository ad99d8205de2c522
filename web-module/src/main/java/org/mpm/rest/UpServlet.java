package org.mpm.rest;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Laravel's {@code GET /up}: 200 once the application has started (migrations and tenants are ready). */
@WebServlet("/up")
public class UpServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setStatus(200);
    resp.setContentType("application/json");
    resp.getWriter().write("{\"status\":\"up\"}");
  }
}
