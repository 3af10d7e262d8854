package org.clutch.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * A library's version is pinned in one place: what the desktop's target file pins, the parent pom does not manage
 * too (a library both halves use is pinned in the parent pom and added to the desktop's target platform from there).
 */
class PinnedOnceTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("clutch.sources", "..")).toAbsolutePath().normalize();
    private static final Pattern COORDINATES = Pattern.compile(
            "<groupId>\\s*([^<\\s]+)\\s*</groupId>\\s*<artifactId>\\s*([^<\\s]+)\\s*</artifactId>\\s*<version>");

    @Test
    void theDesktopsTargetFileAndTheParentPomPinNoLibraryBoth() throws IOException {
        String pom = Files.readString(REPOSITORY.resolve("pom.xml"));
        String managed = pom.substring(pom.indexOf("<dependencyManagement>"), pom.indexOf("</dependencyManagement>"));
        Set<String> inPom = pinned(managed);
        Set<String> inTarget = pinned(Files.readString(REPOSITORY.resolve("rcp-client/target-platform/clutch-shop-target.target")));
        assertTrue(inPom.contains("com.h2database:h2"), "the parent pom is read: " + inPom);
        assertTrue(inTarget.contains("org.eclipse.platform:org.eclipse.swt"), "the target file is read: " + inTarget);
        Set<String> both = new TreeSet<>(inPom);
        both.retainAll(inTarget);
        assertEquals(Set.of(), both, "pinned in both the parent pom and the desktop's target file");
    }

    /** The group and artifact of every dependency with a version in {@code xml}. */
    private static Set<String> pinned(String xml) {
        Set<String> coordinates = new TreeSet<>();
        Matcher m = COORDINATES.matcher(xml.replaceAll("(?s)<!--.*?-->", ""));
        while (m.find()) {
            coordinates.add(m.group(1) + ":" + m.group(2));
        }
        return coordinates;
    }
}
