package com.clinicfaq.conversation.web;

import com.clinicfaq.ClinicFaqApplication;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The service in a JVM of its own, as it runs in production: started with the test's {@code java} and the
 * project's classes and dependencies (not the test classes), its output in a log file, and killed as a crash
 * would kill it.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final String STARTED = "Started " + ClinicFaqApplication.class.getSimpleName();
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    /** What a process killed by SIGKILL exits with on Linux: 128 + 9. */
    static final int KILLED_BY_SIGKILL = 137;

    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts the service with {@code arguments} (Spring Boot's {@code --name=value}) on a random port, working in
     * {@code directory}, and returns once it has started.
     */
    static ServiceProcess start(Path directory, String name, List<String> arguments)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElseThrow(() -> new IllegalStateException("no java command"));
        List<String> command = new ArrayList<>(List.of(
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED",
                "--add-modules",
                "jdk.incubator.vector",
                "-cp",
                serviceClasspath(),
                ClinicFaqApplication.class.getName(),
                "--server.port=0"));
        command.addAll(arguments);
        // an argument file: the classpath alone can be longer than one command-line argument may be
        Path argumentFile = directory.resolve(name + ".args");
        Files.write(argumentFile, command.stream().map(ServiceProcess::quoted).toList(), StandardCharsets.UTF_8);
        Path log = directory.resolve(name + ".log");
        Process process = new ProcessBuilder(java, "@" + argumentFile)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            return new ServiceProcess(process, log, awaitStarted(process, log));
        } catch (RuntimeException | IOException | InterruptedException e) {
            process.destroyForcibly().waitFor();
            throw e;
        }
    }

    int port() {
        return port;
    }

    /** SIGKILL, as the kernel's OOM killer or a crash would: nothing in the JVM runs after it, no shutdown hook. */
    void kill() {
        process.destroyForcibly();
    }

    /** Waits for the process to end and returns its exit value. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the service did not end within 30 s");
        }
        return process.exitValue();
    }

    /** A normal stop (SIGTERM): Spring closes the database connections. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int awaitStarted(Process process, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String output = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            Matcher port = PORT.matcher(output);
            if (output.contains(STARTED) && port.find()) {
                return Integer.parseInt(port.group(1));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "The service ended with " + process.exitValue() + " before it started:\n" + tail(output));
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("The service did not start within " + START_TIMEOUT + ":\n"
                + tail(Files.readString(log, StandardCharsets.UTF_8)));
    }

    /** The test's classpath without the test classes (their configuration is for tests only). */
    private static String serviceClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank() && !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String quoted(String argument) {
        return "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String tail(String output) {
        return output.length() <= 4000 ? output : output.substring(output.length() - 4000);
    }
}
