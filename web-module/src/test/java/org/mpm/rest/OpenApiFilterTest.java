package org.mpm.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OpenApiFilterTest {

  @Test
  void pathTemplatesLoseTheirPatterns() {
    assertEquals("/api/addresses/{id}", OpenApiFilter.template("/api/addresses/{id: [0-9]+}"));
    assertEquals("/api/a/{id}/b/{year}", OpenApiFilter.template("/api/a/{id:[0-9]{1,3}}/b/{year}"));
    assertEquals("/api/transactions/analytics/{period}",
        OpenApiFilter.template("/api/transactions/analytics/{period: [0-3]}"));
    assertEquals("/api/people", OpenApiFilter.template("/api/people"));
    assertEquals("/api/broken/{id", OpenApiFilter.template("/api/broken/{id"));
  }

  @Test
  void operationIdsTakeTheWordsOfTheirPath() {
    assertEquals("EBikesBySerialNumber", OpenApiFilter.words("/api/e-bikes/{serialNumber}"));
    assertEquals("AddressesById", OpenApiFilter.words("/api/addresses/{id: [0-9]+}"));
    assertEquals("AppAgentsTransactionsByTransactionIdToken",
        OpenApiFilter.words("/api/app/agents/transactions/{transactionId: [0-9]+}/token"));
    assertEquals("Apiary", OpenApiFilter.words("/api/apiary"));
  }
}
