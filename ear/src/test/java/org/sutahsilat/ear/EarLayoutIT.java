package org.sutahsilat.ear;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged EAR (default build, no server): Jakarta EE 10 application.xml, both WARs at their
 * context roots, shared jars once in lib/, skinny WARs. A class packaged both in lib/ and in a WAR
 * fails deployment on Payara Server with ambiguous CDI/EJB references, so that is checked class by class.
 */
class EarLayoutIT {

    private static Path ear;

    @BeforeAll
    static void locateEar() {
        ear = Path.of(System.getProperty("ear.check.earFile", "target/su-tahsilat.ear"));
        assertThat(ear).as("the EAR is built before the integration tests").isRegularFile();
    }

    @Test
    void applicationXmlIsJakartaEe10WithBothWebModules() throws IOException {
        String xml;
        try (ZipFile zip = new ZipFile(ear.toFile())) {
            ZipEntry entry = zip.getEntry("META-INF/application.xml");
            assertThat(entry).as("META-INF/application.xml").isNotNull();
            xml = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        }
        String compact = xml.replaceAll("\\s+", "");
        assertThat(xml).contains("https://jakarta.ee/xml/ns/jakartaee").contains("version=\"10\"");
        assertThat(compact)
                .contains("<web-uri>portal-web.war</web-uri><context-root>"
                        + System.getProperty("ear.check.portalContext", "/") + "</context-root>")
                .contains("<web-uri>admin-web.war</web-uri><context-root>"
                        + System.getProperty("ear.check.adminContext", "/admin") + "</context-root>")
                .contains("<library-directory>lib</library-directory>");
    }

    @Test
    void sharedJarsAreOnceInLibAndTheWarsAreSkinny() throws IOException {
        Map<String, String> libClasses = new TreeMap<>();   // class -> jar in lib/
        Map<String, String> libDuplicates = new TreeMap<>();
        List<String> libJars = new ArrayList<>();
        Map<String, byte[]> wars = new TreeMap<>();
        try (ZipFile zip = new ZipFile(ear.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.startsWith("lib/") && name.endsWith(".jar")) {
                    libJars.add(name.substring("lib/".length()));
                    try (InputStream in = zip.getInputStream(entry)) {
                        forEachClass(in, (cls, ignored) -> {
                            String previous = libClasses.putIfAbsent(cls, name);
                            if (previous != null && !previous.equals(name)) {
                                libDuplicates.put(cls, previous + " and " + name);
                            }
                        });
                    }
                } else if (name.endsWith(".war") && !name.contains("/")) {
                    wars.put(name, zip.getInputStream(entry).readAllBytes());
                } else if (name.endsWith(".jar") && !name.contains("/")) {
                    throw new AssertionError(name + " at the EAR root: libraries belong in lib/");
                }
            }
        }
        System.out.println("[ear-layout] lib/ holds " + libJars.size() + " jars: " + new TreeSet<>(libJars));
        assertThat(wars.keySet()).containsExactlyInAnyOrder("portal-web.war", "admin-web.war");
        assertThat(libJars).as("project jars in lib/")
                .anyMatch(j -> j.contains("-domain-"))
                .anyMatch(j -> j.contains("-payment-module-"));
        assertThat(libJars).as("Jakarta EE APIs come from the server, never from lib/")
                .noneMatch(j -> j.startsWith("jakarta.") || j.startsWith("javax.servlet"));
        if (!libDuplicates.isEmpty()) {
            System.out.println("[ear-layout] WARNING: " + libDuplicates.size()
                    + " classes are in two jars of lib/, e.g. " + libDuplicates.entrySet().iterator().next());
        }

        List<String> twice = new ArrayList<>();
        for (Map.Entry<String, byte[]> war : wars.entrySet()) {
            List<String> warJars = new ArrayList<>();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(war.getValue()))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    String name = e.getName();
                    if (name.startsWith("WEB-INF/lib/") && name.endsWith(".jar")) {
                        warJars.add(name);
                        forEachClass(new ByteArrayInputStream(in.readAllBytes()), (cls, ignored) -> {
                            if (libClasses.containsKey(cls)) {
                                twice.add(war.getKey() + "!/" + name + " and " + libClasses.get(cls) + ": " + cls);
                            }
                        });
                    } else if (name.startsWith("WEB-INF/classes/") && isClass(name)) {
                        String cls = name.substring("WEB-INF/classes/".length());
                        if (libClasses.containsKey(cls)) {
                            twice.add(war.getKey() + "!/WEB-INF/classes and " + libClasses.get(cls) + ": " + cls);
                        }
                    }
                }
            }
            System.out.println("[ear-layout] " + war.getKey() + " WEB-INF/lib: " + warJars);
        }
        assertThat(twice.subList(0, Math.min(20, twice.size())))
                .as("%d classes packaged both in lib/ and in a WAR (first 20 shown)", twice.size())
                .isEmpty();
    }

    private static boolean isClass(String name) {
        return name.endsWith(".class") && !name.endsWith("module-info.class") && !name.startsWith("META-INF/");
    }

    private static void forEachClass(InputStream jar, BiConsumer<String, ZipEntry> action) throws IOException {
        try (ZipInputStream in = new ZipInputStream(jar)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (isClass(e.getName())) {
                    action.accept(e.getName(), e);
                }
            }
        }
    }
}
