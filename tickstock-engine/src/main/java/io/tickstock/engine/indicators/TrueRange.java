package io.tickstock.engine.indicators;

/** TA-Lib TRANGE: the greatest of high − low, |previous close − high| and |previous close − low|, dollars. */
final class TrueRange {
    private TrueRange() {}

    static double of(double high, double low, double previousClose) {
        double greatest = high - low;
        double up = Math.abs(previousClose - high);
        if (up > greatest) greatest = up;
        double down = Math.abs(previousClose - low);
        if (down > greatest) greatest = down;
        return greatest;
    }
}
