package org.clutch.orders;

/** How a provider gave money back: its reference (none when the shop pays back by hand) and a description. */
public record RefundOutcome(String reference, String description) {
}
