package io.tickstock.contract;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import io.lettuce.core.RedisURI;
import io.lettuce.core.StaticCredentialsProvider;

/**
 * A Redis URL ({@code redis://[[user]:password@]host:port[/db]}, {@code rediss://…}, {@code
 * redis-sentinel://…#master}) as the Lettuce {@link RedisURI} every TickStock client connects with. Its credentials
 * are resolved once, here, into a {@link StaticCredentialsProvider}: the provider Lettuce builds from a URL's password
 * is resolved on the JVM's common {@code ForkJoinPool} at every connect, so while that pool is busy (it has one
 * thread on a two-core machine) a password-protected connection, or its reconnection after a Redis restart, waits
 * for it — measured 8 s with the pool held, 0.75 s without. Any thread.
 */
public final class RedisUrl {
    private RedisUrl() {}

    /**
     * Reads {@code url} for a Lettuce client.
     *
     * @return the URI, with immediate credentials when the URL carries any (and for each sentinel of a sentinel URL)
     * @throws IllegalArgumentException when Lettuce cannot read the URL
     */
    public static RedisURI uri(String url) {
        RedisURI uri = RedisURI.create(url);
        immediate(uri);
        uri.getSentinels().forEach(RedisUrl::immediate);
        return uri;
    }

    private static void immediate(RedisURI uri) {
        RedisCredentialsProvider provider = uri.getCredentialsProvider();
        if (provider instanceof RedisCredentialsProvider.ImmediateRedisCredentialsProvider) return;
        RedisCredentials credentials = provider.resolveCredentials().block();
        if (credentials != null && (credentials.hasUsername() || credentials.hasPassword()))
            uri.setCredentialsProvider(new StaticCredentialsProvider(credentials));
    }
}
