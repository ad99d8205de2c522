package org.mpm.settings;

import org.mpm.common.ApiException;

/** Bing Maps could not be asked about a key (unreachable, too slow, or no verdict in its answer): 502. */
public class MapsUnavailableException extends ApiException {

  private static final long serialVersionUID = 1L;

  public MapsUnavailableException() {
    super(502, "Bing Maps could not be reached to check the key.");
  }
}
