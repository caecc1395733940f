package io.tickstock.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The embedded servers' generated secrets and the files that hold them: 192 random bits as base64url (letters,
 * digits, {@code -}, {@code _}), written only to files of mode 0600 (created with it, never widened). Any thread.
 */
final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** A new secret: 24 random bytes, base64url without padding (32 characters). */
    static String generate() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * The secret kept in {@code file}, or a new one written there (mode 0600) when the file does not exist or is blank.
     *
     * @throws IOException when the file cannot be read or written
     */
    static String readOrCreate(Path file) throws IOException {
        String kept = Files.exists(file) ? Files.readString(file).strip() : "";
        if (!kept.isEmpty()) return kept;
        String secret = generate();
        writePrivate(file, w -> w.write(secret + "\n"));
        return secret;
    }

    /** What writes a private file's content. */
    interface Content {
        void writeTo(Writer w) throws IOException;
    }

    /**
     * Replaces {@code file} by a new file of mode 0600 holding {@code content} (its folder created when missing).
     *
     * @throws IOException when it cannot be written
     */
    static void writePrivate(Path file, Content content) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Files.deleteIfExists(absolute);
        Files.createFile(absolute, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer w = Files.newBufferedWriter(absolute)) {
            content.writeTo(w);
        }
    }
}
