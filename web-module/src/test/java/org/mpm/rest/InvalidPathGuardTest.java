package org.mpm.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InvalidPathGuardTest {

  @Test
  void ordinaryPathsAreValid() {
    for (String path : new String[] {"/", "/api/people", "/api/people/42", "/api/x%20y", "/api/caf%C3%A9",
        "/api/people/1%2F2", "/docs/api/", "/a/b/../c", "/api/x%2e", "http://host:8000/up", "http://host", "*",
        "/a//b", "/.well-known/x"}) {
      assertTrue(InvalidPathGuard.valid(path), path);
    }
  }

  @Test
  void pathsTheServerCannotDecodeAreInvalid() {
    for (String path : new String[] {"/api/x%00y", "/api/x%5Cy", "/api/x%5cy", "/api/x\\y", "/api/%zz", "/api/x%",
        "/api/x%2", "/api/%FF", "/api/x%C0%AF", "/a/../../up", "/..", "/%2e%2e/x", "api/nope", ""}) {
      assertFalse(InvalidPathGuard.valid(path), path);
    }
  }

  @Test
  void escapedDotSegmentsAreInvalid() {
    for (String path : new String[] {"/api/people/..%2F..%2Fx", "/api/..%2Fup", "/api/people/1%2F..%2F2",
        "/api/people/%2e%2e/x", "/api/people/%2E/x"}) {
      assertFalse(InvalidPathGuard.valid(path), path);
    }
  }

  @Test
  void containerErrorsGetMpmsMessages() {
    assertEquals("Not found", JsonErrorServlet.message(404, "GET", "/nope", ""));
    assertEquals("The PUT method is not supported for route docs/api/index.html.",
        JsonErrorServlet.message(405, "PUT", "/docs/api/index.html", ""));
    assertEquals("The POST method is not supported for route /.", JsonErrorServlet.message(405, "POST", "/", ""));
    assertEquals("Server Error", JsonErrorServlet.message(503, "GET", "/x", ""));
    assertEquals("Bad Request.", JsonErrorServlet.message(400, "GET", "/x", ""));
    assertEquals("Bad request.", JsonErrorServlet.message(499, "GET", "/x", ""));
  }
}
