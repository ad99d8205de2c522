package org.mpm.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A route of the agent app (MPM's {@code auth:agent_api}): it needs an agent JWT, and a web-user token is
 * refused there just as an agent token is refused on every other route. The agent is in {@link CurrentAgent}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AgentAuth {}
