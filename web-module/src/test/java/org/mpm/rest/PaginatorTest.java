package org.mpm.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PaginatorTest {

  @Test
  void smallListsShowEveryPage() {
    assertEquals(List.of(1, 2, 3, 4, 5), Paginator.window(2, 5));
    assertEquals(List.of(1), Paginator.window(1, 1));
  }

  @Test
  void largeListsFollowLaravelsUrlWindow() {
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, "...", 99, 100), Paginator.window(1, 100));
    assertEquals(List.of(1, 2, "...", 47, 48, 49, 50, 51, 52, 53, "...", 99, 100), Paginator.window(50, 100));
    assertEquals(List.of(1, 2, "...", 91, 92, 93, 94, 95, 96, 97, 98, 99, 100), Paginator.window(100, 100));
  }

  @Test
  void sizesAreBounded() {
    assertEquals(15, Paginator.size(null, 15));
    assertEquals(15, Paginator.size("abc", 15));
    assertEquals(15, Paginator.size("0", 15));
    assertEquals(1000, Paginator.size("99999", 15));
    assertEquals(1, Paginator.page("-3"));
  }
}
