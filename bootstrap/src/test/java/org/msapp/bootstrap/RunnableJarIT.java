package org.msapp.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** The runnable jar that {@code package} builds: the service's classes, and no test double among them. */
class RunnableJarIT {
    private static final Path JAR = Path.of("target", "ms-application.jar");

    private static List<String> ourClasses() throws IOException {
        assertThat(JAR).as("the runnable jar, built by the package phase").exists();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            return jar.stream().map(ZipEntry::getName)
                    .filter(name -> name.startsWith("org/msapp/") && name.endsWith(".class")).toList();
        }
    }

    @Test
    void the_jar_holds_every_ring_and_the_embedded_default_adapters() throws IOException {
        assertThat(ourClasses()).contains(
                "org/msapp/bootstrap/Main.class",
                "org/msapp/domain/user/User.class",
                "org/msapp/application/UseCases.class",
                "org/msapp/application/memory/InMemoryPersistence.class",
                "org/msapp/adapters/postgres/PostgresPersistence.class",
                "org/msapp/adapters/http/HttpServer.class");
    }

    @Test
    void no_class_whose_name_says_fake_fast_or_recording_ships_in_the_jar() throws IOException {
        assertThat(ourClasses())
                .noneMatch(name -> name.substring(name.lastIndexOf('/') + 1).matches("(?i).*(fake|fast|recording|fixtures).*"))
                .noneMatch(name -> name.contains("/fixtures/"));
        assertThat(Files.size(JAR)).as("a fat jar, with the libraries").isGreaterThan(1_000_000);
    }
}
