package io.tickstock.app.store;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.tickstock.contract.LogText;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rules every {@link UserStore} applies to names and passwords, and the hashing: bcrypt at cost {@value #COST}
 * (at.favre.lib:bcrypt). bcrypt reads at most {@value #MAX_BYTES} bytes, so a longer password is refused, never cut;
 * checking a password costs one bcrypt whether or not its user exists, so timing does not tell names apart.
 */
public final class Passwords {
    static final int COST = 12;
    /** Longest password bcrypt reads, in UTF-8 bytes. */
    public static final int MAX_BYTES = 72;
    /** Shortest password a new user or a password change accepts. */
    public static final int MIN_LENGTH = 8;
    /** Valid user names. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");
    /** A hash of a random password at the same cost, checked for unknown users so they take as long as known ones. */
    private static final byte[] DUMMY_HASH =
            BCrypt.withDefaults().hash(COST, UUID.randomUUID().toString().toCharArray());

    private Passwords() {}

    /** The bcrypt hash of {@code password} (modular crypt format, {@code $2a$12$…}). */
    static String hash(char[] password) {
        return BCrypt.withDefaults().hashToString(COST, password);
    }

    /**
     * Whether {@code password} matches {@code hash}; with no hash (an unknown user) a dummy hash is checked and the
     * answer is false, in the same time.
     *
     * @throws IllegalArgumentException when the password is longer than {@value #MAX_BYTES} bytes (checked first)
     */
    static boolean matches(String password, @Nullable String hash) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) throw tooLong();
        boolean ok = BCrypt.verifyer()
                .verify(bytes, hash == null ? DUMMY_HASH : hash.getBytes(StandardCharsets.UTF_8))
                .verified;
        return ok && hash != null;
    }

    /**
     * Refuses a password bcrypt would cut: over {@value #MAX_BYTES} bytes of UTF-8.
     *
     * @throws IllegalArgumentException when the password is longer than bcrypt reads
     */
    public static void checkLength(char[] password) {
        if (StandardCharsets.UTF_8.encode(CharBuffer.wrap(password)).remaining() > MAX_BYTES) throw tooLong();
    }

    /**
     * Checks a new user's name and password, or a new password.
     *
     * @throws IllegalArgumentException when the name does not match {@link #NAME}, or the password is shorter than
     *     {@value #MIN_LENGTH} characters or longer than {@value #MAX_BYTES} bytes
     */
    static void checkNew(String username, char[] password) {
        if (!NAME.matcher(username).matches()) {
            throw new IllegalArgumentException(
                    "user name must match " + NAME.pattern() + ", was " + LogText.quote(username));
        }
        if (password.length < MIN_LENGTH) {
            throw new IllegalArgumentException("password must have at least " + MIN_LENGTH + " characters");
        }
        checkLength(password);
    }

    private static IllegalArgumentException tooLong() {
        return new IllegalArgumentException("password must be at most " + MAX_BYTES + " bytes (UTF-8)");
    }
}
