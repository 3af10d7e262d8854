package org.clutch.shop.catalog;

import java.util.Arrays;
import java.util.List;

/** Lists typed into one field or one CSV cell: items separated by semicolons or line breaks. */
final class CatalogText {

    private CatalogText() {
    }

    static List<String> items(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("[;\\r\\n]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
