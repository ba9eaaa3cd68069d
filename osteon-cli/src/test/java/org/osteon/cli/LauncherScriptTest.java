package org.osteon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./osteon} launcher script. Issue 13: a moved or copied checkout printed a
 * class-data-sharing warning on every command, on standard output, mixed into CSV written to
 * {@code --out -}. The script is run on a stand-in jar (a class that prints its arguments), so the
 * test needs neither Maven nor the real build.
 */
class LauncherScriptTest {
    @TempDir
    Path dir;

    @Test
    void aMovedCheckoutPrintsNothingButTheCommandsOutput() throws Exception {
        Path first = checkout(dir.resolve("first"));
        assertThat(run(first, "validate", "x")).isEqualTo("args: validate x\n");
        assertThat(first.resolve("osteon-cli/target/osteon.jsa")).exists();

        Path moved = dir.resolve("moved");
        Files.move(first, moved);
        assertThat(run(moved, "run", "y")).as("stdout of the moved checkout").isEqualTo("args: run y\n");
        // and the archive is rebuilt for the new place, so start-up stays fast
        assertThat(run(moved, "run", "z")).isEqualTo("args: run z\n");
    }

    /** A directory holding the launcher and a stand-in osteon.jar newer than every source. */
    private Path checkout(Path root) throws IOException {
        Path target = Files.createDirectories(root.resolve("osteon-cli/target"));
        Files.copy(Path.of("../osteon"), root.resolve("osteon"));
        root.resolve("osteon").toFile().setExecutable(true);
        Path src = Files.createDirectories(dir.resolve("stand-in"));
        Files.writeString(src.resolve("Main.java"),
                "public class Main { public static void main(String[] a) { System.out.println(\"args: \" + String.join(\" \", a)); } }");
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", src.toString(), src.resolve("Main.java").toString());
        assertThat(rc).isZero();
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Main");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(target.resolve("osteon.jar")), mf)) {
            jar.putNextEntry(new JarEntry("Main.class"));
            jar.write(Files.readAllBytes(src.resolve("Main.class")));
            jar.closeEntry();
        }
        return root;
    }

    private static String run(Path checkout, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", checkout.resolve("osteon").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("OSTEON_JAVA_OPTS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
