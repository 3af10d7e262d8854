package org.clutch.shop.common;

/** A shop rule refused what a person asked; the message is written for that person and nothing was changed. */
public class RuleException extends RuntimeException {

    public RuleException(String message) {
        super(message);
    }
}
