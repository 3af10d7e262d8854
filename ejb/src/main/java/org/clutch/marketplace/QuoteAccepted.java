package org.clutch.marketplace;

import org.clutch.platform.Actor;

/**
 * Fired, inside the accepting transaction, when a customer accepts a quote; orders turns it into an order, so that
 * the request closes if and only if its order exists.
 */
public record QuoteAccepted(Actor actor, PartsRequest request, Quote quote) {
}
