package org.clutch.shop.catalog;

/** Another maker's number for the same part: the vehicle maker's (OEM) or another brand's (aftermarket). */
public record CrossReference(Kind kind, String brand, String number) {

    public enum Kind { OEM, AFTERMARKET }
}
