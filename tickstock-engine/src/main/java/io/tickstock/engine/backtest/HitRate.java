package io.tickstock.engine.backtest;

/**
 * A hit rate with its 95 % Wilson score interval (Wilson 1927; the interval statisticians recommend for a binomial
 * proportion, sound for small counts and for rates near 0 or 1): with p̂ = hits ÷ n and z = 1.959964,
 * centre = (p̂ + z²/2n) ÷ (1 + z²/n), half-width = z·√(p̂(1 − p̂)/n + z²/4n²) ÷ (1 + z²/n). Pure.
 *
 * @param rate hits ÷ n, a fraction
 * @param low  the interval's lower bound, a fraction
 * @param high the interval's upper bound, a fraction
 */
public record HitRate(double rate, double low, double high) {
    /** The two-sided 95 % normal quantile. */
    static final double Z = 1.959963984540054;

    /**
     * The hit rate of {@code hits} in {@code n} trials.
     *
     * @throws IllegalArgumentException when n &lt; 1 or hits is outside 0..n
     */
    public static HitRate of(long hits, long n) {
        if (n < 1 || hits < 0 || hits > n)
            throw new IllegalArgumentException("need 0 <= hits <= n and n >= 1, got " + hits + " of " + n);
        double p = (double) hits / n, z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new HitRate(p, Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
