package org.clutch.partners;

import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** The body of {@code quote.accept} version 1: which quote of which of the partner's requests it takes. */
public record QuoteAcceptance(@NotNull UUID requestId, @NotNull UUID quoteId) {
}
