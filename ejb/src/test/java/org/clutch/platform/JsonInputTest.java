package org.clutch.platform;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonInputTest {

    public record Vehicle(String make, int year) {
    }

    public record Line(String name, Integer quantity, BigDecimal price, List<String> tags) {
    }

    public record Request(Vehicle vehicle, List<Line> lines, Map<String, Long> counts, String notes) {
    }

    private static List<String> problems(String json) {
        return JsonInput.problems(json, Request.class).stream().map(e -> e.field() + ": " + e.message()).toList();
    }

    @Test
    void everyStringWithAControlCharacterIsNamedByItsPath() {
        String json = """
                {"vehicle": {"make": "Toy\\u0000ota", "year": 2016},
                 "lines": [{"name": "pads", "quantity": 1}, {"name": "oil\\u0007", "tags": ["a", "b\\u0000"]}],
                 "notes": null, "unknown\\u0000": "value"}""";
        assertEquals(List.of("vehicle.make: must not contain control characters (U+0000)",
                "lines[1].name: must not contain control characters (U+0007)",
                "lines[1].tags[1]: must not contain control characters (U+0000)",
                "unknown\u0000: must not contain control characters (U+0000)"), problems(json));
    }

    @Test
    void aWholeNumberFieldTakesWholeNumbersInRangeOnly() {
        assertEquals(List.of(), problems("{\"vehicle\": {\"year\": 2016.0}, \"lines\": [{\"quantity\": 2, \"price\": 2.5}], \"counts\": {\"a\": 1e3}}"));
        assertEquals(List.of("lines[0].quantity: must be a whole number", "vehicle.year: must be a whole number"),
                problems("{\"lines\": [{\"quantity\": 2.5}], \"vehicle\": {\"year\": 2016.4}}").stream().sorted().toList());
        assertEquals(List.of("lines[0].quantity: must be a whole number from -2147483648 to 2147483647"),
                problems("{\"lines\": [{\"quantity\": 3000000000}]}"));
        assertEquals(List.of("counts.a: must be a whole number"), problems("{\"counts\": {\"a\": 0.1}}"));
    }

    @Test
    void numbersOfUnknownFieldsAndDocumentsThatAreNoJsonAreLeftToBinding() {
        assertEquals(List.of(), problems("{\"other\": 2.5, \"lines\": \"not a list\"}"));
        assertEquals(List.of(), problems("{\"vehicle\": {\"make\": \"unterminated"));
        assertEquals(List.of("body: must not contain control characters (U+0000)"),
                JsonInput.problems("\"\\u0000\"", String.class).stream().map(e -> e.field() + ": " + e.message()).toList());
    }
}
