package org.mpm.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Holds every request body to its limit while it is read, also one sent without a {@code Content-Length}
 * (chunked), which {@link PreflightFilter} cannot refuse up front: 413 once it passes
 * {@link PreflightFilter#MAX_UPLOAD_BYTES} (multipart) or {@link PreflightFilter#MAX_BODY_BYTES}.
 */
@Provider
public class BodyLimit implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    MediaType type = context.getMediaType();
    boolean upload = type != null && "multipart".equalsIgnoreCase(type.getType());
    context.setInputStream(new Limited(context.getInputStream(),
        upload ? PreflightFilter.MAX_UPLOAD_BYTES : PreflightFilter.MAX_BODY_BYTES));
    return context.proceed();
  }

  /** A stream that refuses to give more than its limit. */
  static final class Limited extends FilterInputStream {
    private long left;

    Limited(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        take(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        take(n);
      }
      return n;
    }

    private void take(long n) {
      left -= n;
      if (left < 0) {
        throw new BadRequestBody(413, "The request body is too large.");
      }
    }
  }
}
