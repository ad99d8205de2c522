package org.mpm.device.openpaygo;

/**
 * A generated OpenPAYGO token and the count it was generated with.
 *
 * @param token the digits to enter on the device, zero-padded to the length of its mode (9 standard,
 *     12 extended; 15 and 20 in restricted digit set mode, digits 1 to 4 only)
 * @param newCount the count to store for the device; pass it as the current count for the next token
 */
public record GeneratedToken(String token, int newCount) {}
