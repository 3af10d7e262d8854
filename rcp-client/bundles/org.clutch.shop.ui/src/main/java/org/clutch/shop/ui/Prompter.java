package org.clutch.shop.ui;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.clutch.shop.common.RuleException;
import org.clutch.shop.staff.Staff;

/**
 * The questions a screen asks the person at the till. Screens ask through this, not through dialogs directly,
 * so the UI tests can answer them.
 */
public interface Prompter {

    /** A yes-or-no question about something risky; the safe answer, No, is the default. */
    boolean confirm(String title, String question);

    /**
     * One of several answers (buttons, in order); the last one is the safe default and the answer when the person
     * closes the question. Returns the index of the answer.
     */
    int choose(String title, String question, String... answers);

    /** A line of text (a reason, a label), or empty when the person cancelled. */
    Optional<String> askText(String title, String question, String initial);

    /** Someone's user name and password typed at the till, to work at it; empty when nobody signed in. */
    Optional<Staff> signIn(String why);

    /** A manager's user name and password typed at the till, for something the clerk may not do alone. */
    Optional<Staff> managerApproval(String why);

    /**
     * Which of a numbered list the person means (asked as a number typed, so the keyboard alone answers); empty when
     * they cancelled. {@code noun} names one item: "held sale".
     */
    default <T> Optional<T> pick(String title, String noun, List<T> items, Function<T, String> describe) {
        StringBuilder question = new StringBuilder("Which " + noun + " (number)?\n");
        for (int i = 0; i < items.size(); i++) {
            question.append(i + 1).append(". ").append(describe.apply(items.get(i))).append('\n');
        }
        return askText(title, question.toString(), "1").map(text -> {
            int choice = Screens.count(text);
            if (choice > items.size()) {
                throw new RuleException("There is no " + noun + " " + choice + " in the list.");
            }
            return items.get(choice - 1);
        });
    }

    /** A file to read ({@code save} false) or write, or empty when the person cancelled. */
    Optional<java.nio.file.Path> chooseFile(String title, boolean save, String suggestedName);

    /** A folder (a USB disk, a network share), or empty when the person cancelled. */
    Optional<java.nio.file.Path> chooseFolder(String title);

    /** A secret typed without showing it (a passphrase), or empty when the person cancelled. */
    Optional<char[]> askSecret(String title, String question);
}
