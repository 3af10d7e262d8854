package org.clutch.web.problem;

import java.io.IOException;

/** Thrown while reading a request body that exceeds the limit; an IOException so JSON parsers pass it on. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("The request body exceeds " + limit + " bytes.");
    }
}
