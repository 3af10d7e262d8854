package org.clutch.tenancy;

/** The first onboarding step: who the shop is and how to reach it. */
public record BusinessInfo(String name, String legalName, String registrationNumber, String taxNumber, String phone, String email) {
}
