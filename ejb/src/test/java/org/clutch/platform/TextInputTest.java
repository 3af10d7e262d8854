package org.clutch.platform;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TextInputTest {

    @Test
    void lineBreaksTabsAndAnyLanguageAreText() {
        assertNull(TextInput.problem("Gate B\r\nBlue door\tfirst floor"));
        assertNull(TextInput.problem("Bremsbeläge für 🚗, ブレーキ"));
    }

    @Test
    void controlCharactersAndHalfSurrogatesAreRefusedNamingTheCharacter() {
        assertEquals("must not contain control characters (U+0000)", TextInput.problem("Toyota\u0000"));
        assertEquals("must not contain control characters (U+001B)", TextInput.problem("\u001B[2J"));
        assertEquals("must not contain control characters (U+007F)", TextInput.problem("a\u007Fb"));
        assertEquals("must not contain control characters (U+0085)", TextInput.problem("a\u0085b"));
        assertEquals("must not contain control characters (U+D83D)", TextInput.problem("pads \uD83D"));
        assertEquals("must not contain control characters (U+DE97)", TextInput.problem("\uDE97 pads"));
    }
}
