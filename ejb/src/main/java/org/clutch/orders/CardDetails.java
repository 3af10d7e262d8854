package org.clutch.orders;

import org.clutch.platform.InvalidInputException.FieldError;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A card as the customer typed it. Only the gateway sees the number; the platform keeps the last four digits in
 * the gateway's reference and nothing else.
 */
public record CardDetails(String number, int expiryMonth, int expiryYear, String cvc) {

    /** The number without the spaces people type. */
    public String digits() {
        return number == null ? "" : number.replace(" ", "").replace("-", "");
    }

    public String lastFour() {
        String d = digits();
        return d.length() < 4 ? d : d.substring(d.length() - 4);
    }

    /** What is wrong with the card before any gateway is asked: number (Luhn), expiry, security code. */
    public List<FieldError> problems(YearMonth current) {
        List<FieldError> errors = new ArrayList<>();
        String d = digits();
        if (!d.matches("[0-9]{12,19}") || !passesLuhn(d)) {
            errors.add(new FieldError("card.number", "is not a valid card number"));
        }
        if (expiryMonth < 1 || expiryMonth > 12) {
            errors.add(new FieldError("card.expiryMonth", "must be 1 to 12"));
        } else if (YearMonth.of(expiryYear, expiryMonth).isBefore(current)) {
            errors.add(new FieldError("card.expiryYear", "the card has expired"));
        }
        if (cvc == null || !cvc.matches("[0-9]{3,4}")) {
            errors.add(new FieldError("card.cvc", "must be the 3 or 4 digits on the card"));
        }
        return errors;
    }

    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int n = digits.charAt(i) - '0';
            if (doubled) {
                n *= 2;
                if (n > 9) {
                    n -= 9;
                }
            }
            sum += n;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    @Override
    public String toString() {
        return "card ending " + lastFour();
    }
}
