package io.clave.token;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The identities of one app installation: one file per identity in a folder ({@code <name>.token}, the name
 * percent-encoded).
 *
 * <p>A save writes a temporary file in the same folder, forces it to the disk, then renames it over the old file
 * with an atomic move, so a crash leaves either the old or the new file whole. A temporary file left by a crash
 * ({@code .<name>.token.<random>.tmp}) is never read; the next save or listing deletes it.
 */
public final class IdentityStore {

    static final String SUFFIX = ".token";
    static final String TEMP_SUFFIX = ".tmp";

    private final Path folder;

    public IdentityStore(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    public Path folder() {
        return folder;
    }

    public Optional<Identity> find(String name) throws IOException {
        if (!Identity.isValidName(name)) {
            return Optional.empty();
        }
        Path file = fileOf(name);
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(parse(file, content));
    }

    /** Every identity, by name; removes temporary files a crash left behind. */
    public List<Identity> list() throws IOException {
        List<Identity> identities = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return identities;
        }
        cleanTemporaryFiles();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path file : files) {
                if (!file.getFileName().toString().startsWith(".")) {
                    identities.add(parse(file, Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
        }
        identities.sort(Comparator.comparing(Identity::name, String.CASE_INSENSITIVE_ORDER));
        return identities;
    }

    public void save(Identity identity) throws IOException {
        Files.createDirectories(folder);
        cleanTemporaryFiles();
        Path target = fileOf(identity.name());
        Path temp = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
        byte[] content = IdentityFile.write(identity).getBytes(StandardCharsets.UTF_8);
        try {
            try (FileChannel channel = openNew(temp)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the folder " + folder + " cannot rename files atomically", e);
        } finally {
            Files.deleteIfExists(temp);
        }
        forceFolder();
    }

    /** Writes {@code identity} only if no identity has its name yet. */
    public boolean create(Identity identity) throws IOException {
        if (Files.exists(fileOf(identity.name()))) {
            return false;
        }
        save(identity);
        return true;
    }

    Path fileOf(String name) {
        return folder.resolve(URLEncoder.encode(name, StandardCharsets.UTF_8) + SUFFIX);
    }

    private static Identity parse(Path file, String content) throws IOException {
        try {
            return IdentityFile.read(content);
        } catch (IllegalArgumentException e) {
            throw new IOException("the identity file " + file + " is damaged: " + e.getMessage(), e);
        }
    }

    private static FileChannel openNew(Path temp) throws IOException {
        try {
            return FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            return FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    private void cleanTemporaryFiles() throws IOException {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(folder, ".*" + SUFFIX + ".*" + TEMP_SUFFIX)) {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Makes the rename itself durable; not every platform can open a folder, and then the rename is all we have. */
    private void forceFolder() {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel
        }
    }
}
