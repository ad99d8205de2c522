package org.mpm.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ByIdsTest {

  @Test
  void noIdsNoQuery() {
    List<List<Long>> runs = new ArrayList<>();
    assertEquals(List.of(), ByIds.chunked(List.of(), part -> {
      runs.add(part);
      return part;
    }));
    assertEquals(0, runs.size());
  }

  @Test
  void aLongListIsQueriedInChunks() {
    List<Long> ids = LongStream.rangeClosed(1, 2 * ByIds.CHUNK + 1).boxed().toList();
    List<Integer> sizes = new ArrayList<>();
    List<Long> rows = ByIds.chunked(ids, part -> {
      sizes.add(part.size());
      return part;
    });
    assertEquals(List.of(ByIds.CHUNK, ByIds.CHUNK, 1), sizes);
    assertEquals(ids, rows);
  }
}
