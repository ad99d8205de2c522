package org.mpm.auth;

/** A freshly signed token and its lifetime in seconds ({@code expires_in}). */
public record IssuedToken(String token, long expiresIn) {}
