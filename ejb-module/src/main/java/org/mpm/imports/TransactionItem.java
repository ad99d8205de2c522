package org.mpm.imports;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A transaction row of an import (MPM's TransactionImportItem), validated; {@code sentDate} null for now. */
public record TransactionItem(String deviceId, BigDecimal amount, String customer, String transactionType,
    LocalDateTime sentDate) {}
