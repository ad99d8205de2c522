package org.mpm.agent.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AgentBalanceResourceTest {

  @Test
  void balanceIsPrintedAsPhpPrintsAFloat() {
    assertEquals("4500", AgentBalanceResource.number(4500.0));
    assertEquals("-120.5", AgentBalanceResource.number(-120.5));
    assertEquals("0", AgentBalanceResource.number(0.0));
    assertEquals("0", AgentBalanceResource.number(-0.0));
    assertEquals("12000000", AgentBalanceResource.number(1.2e7), "no exponent");
    assertEquals("0.1", AgentBalanceResource.number(0.1), "the shortest form of the double, as PHP");
  }
}
