package io.tickstock.contract;

import org.jspecify.annotations.Nullable;

/**
 * Text that goes into logs, error messages and API errors: the one place that makes outside text harmless
 * ({@link #quote}: a user name, a symbol or a message from Redis cannot forge a log line or hide in a terminal)
 * and keeps secrets out ({@link #url}: the password of a Redis or PostgreSQL URL is never shown). Thread-safe.
 */
public final class LogText {
    private LogText() {}

    /** Longest outside text shown, in characters; longer text is cut and marked with {@code …}. */
    public static final int MAX = 200;

    /**
     * {@code text} in single quotes with control characters (CR, LF, tab, ESC, other C0/C1 controls, U+2028/9)
     * and quotes escaped as {@code \n}, {@code \\uXXXX}, {@code \'}, cut after {@value #MAX} characters; {@code null}
     * for null.
     */
    public static String quote(@Nullable String text) {
        if (text == null) return "null";
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX) + 8).append('\'');
        int n = Math.min(text.length(), MAX);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\\' -> sb.append("\\\\");
                case '\'' -> sb.append("\\'");
                default -> {
                    if (c < 0x20
                            || (c >= 0x7f && c < 0xa0)
                            || c == '\u2028'
                            || c == '\u2029'
                            || (c >= '\u202a' && c <= '\u202e')
                            || (c >= '\u2066' && c <= '\u2069')) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        if (text.length() > MAX) sb.append('…');
        return sb.append('\'').toString();
    }

    /**
     * A server URL fit to print: the password of {@code scheme://user:password@host…} replaced by {@code ***}
     * (the user name is kept), a URL without credentials unchanged. Works for {@code redis://}, {@code rediss://},
     * {@code redis-sentinel://}, {@code postgresql://} and JDBC URLs. Every password-like query parameter is masked too: a
     * name containing {@code password}, {@code passwd}, {@code secret} or {@code token} ({@code password=},
     * {@code sslpassword=}, {@code auth_token=}).
     */
    public static String url(@Nullable String url) {
        if (url == null) return "null";
        String masked = url.replaceAll("(?i)([?&;][a-z0-9_.-]*(?:password|passwd|secret|token)=)[^&;#]*", "$1***");
        int scheme = masked.indexOf("://");
        if (scheme < 0) return masked;
        int hostStart = scheme + 3;
        int end = masked.length();
        for (char stop : new char[] {'/', '?', '#'}) {
            int i = masked.indexOf(stop, hostStart);
            if (i >= 0 && i < end) end = i;
        }
        int at = masked.lastIndexOf('@', end - 1);
        if (at < hostStart) return masked;
        String userInfo = masked.substring(hostStart, at);
        int colon = userInfo.indexOf(':');
        String shown =
                colon < 0 ? (masked.startsWith("redis") ? "***" : userInfo) : userInfo.substring(0, colon) + ":***";
        return masked.substring(0, hostStart) + shown + masked.substring(at);
    }
}
