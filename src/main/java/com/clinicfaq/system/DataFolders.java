package com.clinicfaq.system;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * The folders the service keeps visitors' data in on this machine: the embedded H2 database's and the outbox's
 * ({@code ./data} by default). Each is created readable by the service's user only (rwx------), an existing one
 * is made so, and the service's files in it (the database's, the outbox's) are made rw-------. The folder is
 * what keeps other users out, also of files H2 creates later with the process's umask. A folder shared by
 * design (writable by everyone, like /tmp), the user's home or the root is left alone with a warning; so is
 * everything on a file system without POSIX permissions.
 */
final class DataFolders {

    private static final Logger log = LoggerFactory.getLogger(DataFolders.class);

    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    /** A folder, and the start of the names of the service's files in it. */
    record Folder(Path path, String files) {}

    private final List<Folder> folders;

    DataFolders(List<Folder> folders) {
        this.folders = folders;
    }

    /** The H2 database's folder when the database is an H2 file, and the outbox's. */
    static DataFolders of(Environment environment) {
        List<Folder> folders = new ArrayList<>();
        h2File(environment.getProperty("spring.datasource.url", ""))
                .ifPresent(file -> folders.add(new Folder(parent(file), file.getFileName() + ".")));
        Path outbox = Path.of(environment.getProperty("clinicfaq.outbox.path", "data/outbox.jsonl"));
        folders.add(new Folder(parent(outbox), outbox.getFileName().toString()));
        return new DataFolders(folders);
    }

    /**
     * The database file named by an embedded H2 URL ({@code jdbc:h2:file:./data/clinicfaq;…} or
     * {@code jdbc:h2:./data/clinicfaq}), without H2's extension; none for in-memory and server databases.
     */
    static Optional<Path> h2File(String url) {
        String prefix = "jdbc:h2:";
        if (!url.toLowerCase(Locale.ROOT).startsWith(prefix)) {
            return Optional.empty();
        }
        String name = url.substring(prefix.length());
        int parameters = name.indexOf(';');
        name = parameters < 0 ? name : name.substring(0, parameters);
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (name.matches("(?i)^(mem|tcp|ssl|zip|split|nio\\w*|async|memFS|memLZF|retry):.*")) {
            return Optional.empty();
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return name.isBlank() ? Optional.empty() : Optional.of(Path.of(name));
    }

    private static Path parent(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent != null ? parent : file.toAbsolutePath().getRoot();
    }

    /** Creates the folders that are missing and takes away other users' access to them and to the service's files. */
    void secure() {
        for (Folder folder : folders) {
            try {
                secureFolder(folder.path());
                secureFiles(folder);
            } catch (IOException e) {
                log.warn("Could not make {} readable by the service's user only: {}", folder.path(), e.toString());
            }
        }
    }

    private static void secureFolder(Path path) throws IOException {
        if (!Files.exists(path)) {
            try {
                Files.createDirectories(path, PosixFilePermissions.asFileAttribute(FOLDER));
                log.info("Created {}, readable by the service's user only", path);
            } catch (UnsupportedOperationException e) {
                Files.createDirectories(path);
                log.info(
                        "Created {} (no POSIX permissions on this file system: protect it by its access list or volume)",
                        path);
            }
            return;
        }
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view == null) {
            log.debug("{}: no POSIX permissions on this file system", path);
            return;
        }
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        if (!overlaps(permissions, GROUP_OR_OTHERS)) {
            return;
        }
        if (permissions.contains(PosixFilePermission.OTHERS_WRITE) || isHomeOrRoot(path)) {
            log.warn(
                    "{} holds the service's data and is open to other users ({}); it is shared, so it is left as it is:"
                            + " keep the data in a folder of its own",
                    path,
                    PosixFilePermissions.toString(permissions));
            return;
        }
        view.setPermissions(FOLDER);
        log.info(
                "Made {} readable by the service's user only (was {})",
                path,
                PosixFilePermissions.toString(permissions));
    }

    private static void secureFiles(Folder folder) throws IOException {
        if (Files.getFileAttributeView(folder.path(), PosixFileAttributeView.class) == null) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(
                folder.path(),
                file -> file.getFileName().toString().startsWith(folder.files()) && Files.isRegularFile(file))) {
            for (Path file : files) {
                PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
                Set<PosixFilePermission> permissions = view.readAttributes().permissions();
                if (overlaps(permissions, GROUP_OR_OTHERS)) {
                    Set<PosixFilePermission> ownerOnly = EnumSet.copyOf(permissions);
                    ownerOnly.removeAll(GROUP_OR_OTHERS);
                    ownerOnly.addAll(FILE);
                    view.setPermissions(ownerOnly);
                    log.info(
                            "Made {} readable by the service's user only (was {})",
                            file,
                            PosixFilePermissions.toString(permissions));
                }
            }
        }
    }

    private static boolean overlaps(Set<PosixFilePermission> permissions, Set<PosixFilePermission> others) {
        return permissions.stream().anyMatch(others::contains);
    }

    private static boolean isHomeOrRoot(Path path) {
        try {
            Path real = path.toRealPath();
            Path home = Path.of(System.getProperty("user.home", "/"));
            return real.getParent() == null || (Files.isDirectory(home) && real.equals(home.toRealPath()));
        } catch (IOException e) {
            return false;
        }
    }
}
