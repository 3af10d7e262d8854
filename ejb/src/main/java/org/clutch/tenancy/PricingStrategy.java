package org.clutch.tenancy;

/**
 * How the shop prices marketplace quotes by default: cost plus a margin percentage, list price minus a discount
 * percentage, or each price typed by hand (the percentage is then unused).
 */
public enum PricingStrategy {
    COST_PLUS, LIST_MINUS, MANUAL;

    public boolean usesPercent() {
        return this != MANUAL;
    }
}
