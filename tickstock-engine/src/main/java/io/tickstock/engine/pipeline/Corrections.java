package io.tickstock.engine.pipeline;

import io.tickstock.engine.alerts.Alert;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.indicators.Indicator;
import io.tickstock.engine.patterns.Detection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One symbol's analytics with what a bar correction needs: the live state, two checkpoints and the bars
 * since the older one. Every {@link #SPAN} bars the live state is copied (one copy, a few kilobytes), so a
 * correction of any of the last {@code SPAN}–{@code 2 × SPAN} bars (at least 16 minutes, more than
 * Massive's 15-minute correction window) replays at most {@code 2 × SPAN} bars twice — once as they were,
 * once corrected — from the older checkpoint, and emits only what changed from the corrected bar on:
 * indicator values that appear ({@link AnalyticsListener#onIndicators}) or differ ({@link
 * AnalyticsListener#onIndicatorsRevised}), patterns that appear ({@link AnalyticsListener#onPattern}), change their
 * output ({@link AnalyticsListener#onPatternRevised}) or disappear ({@link AnalyticsListener#onPatternRetracted}). Alerts are not re-emitted by corrections. Costs
 * nothing extra per bar but the periodic copy. Not thread-safe: the shard thread owns it.
 */
final class Corrections {
    /** Bars between checkpoints. */
    static final int SPAN = 16;

    private SymbolAnalytics live, older;
    private @Nullable SymbolAnalytics newer; // null until SPAN bars after `older`
    private final List<Bar> bars = new ArrayList<>(); // since `older`; `newer` = older + bars[0..SPAN)
    private long uncorrectable;

    Corrections(SymbolAnalytics fresh) {
        this.live = fresh;
        this.older = fresh.copy();
    }

    void onBar(Bar bar, AnalyticsListener listener) {
        live.onBar(bar, listener);
        append(bar);
    }

    private void append(Bar bar) {
        bars.add(bar);
        if (bars.size() == SPAN) newer = live.copy();
        if (bars.size() == 2 * SPAN) {
            older = Objects.requireNonNull(newer, "checkpoint after SPAN bars");
            bars.subList(0, SPAN).clear();
            newer = live.copy();
        }
    }

    /**
     * Applies a corrected (or late-created) bar and emits what changed.
     *
     * @return false when the bar is older than the checkpoints reach (counted, nothing emitted)
     */
    boolean onCorrection(Bar corrected, AnalyticsListener listener) {
        int at = 0;
        while (at < bars.size() && bars.get(at).startMillis() < corrected.startMillis()) at++;
        if (at == 0 && !bars.isEmpty() && bars.get(0).startMillis() > corrected.startMillis()) {
            uncorrectable++;
            return false;
        }
        Recorder before = new Recorder();
        SymbolAnalytics asPublished = older.copy();
        for (Bar b : bars) asPublished.onBar(b, before);

        List<Bar> previous = List.copyOf(bars);
        List<Bar> replay = new ArrayList<>(bars);
        if (at < replay.size() && replay.get(at).startMillis() == corrected.startMillis()) replay.set(at, corrected);
        else replay.add(at, corrected);
        Diff diff = new Diff(before, listener, corrected.startMillis());
        live = older.copy(); // the same path as live bars, checkpoints included
        newer = null;
        bars.clear();
        for (Bar b : replay) {
            live.onBar(b, diff);
            append(b);
        }
        diff.retractions(previous);
        return true;
    }

    long uncorrectable() {
        return uncorrectable;
    }

    /** Records what a replay emitted, per bar start. */
    private static class Recorder implements AnalyticsListener {
        final Map<Long, Map<String, Map<String, Double>>> values = new HashMap<>();
        final Map<Long, Map<String, Detection>> patterns = new HashMap<>();

        @Override
        public void onBar(Bar bar) {}

        @Override
        public void onIndicators(Bar bar, List<Indicator> ready) {
            Map<String, Map<String, Double>> m = values.computeIfAbsent(bar.startMillis(), k -> new HashMap<>());
            for (Indicator i : ready) m.put(i.key(), i.values());
        }

        @Override
        public void onPattern(Bar bar, Detection d) {
            patterns.computeIfAbsent(bar.startMillis(), k -> new HashMap<>()).put(d.patternType(), d);
        }

        @Override
        public void onAlert(Bar bar, Alert alert) {}
    }

    /** Forwards to the real listener only what differs from the recorded replay, from the corrected bar on. */
    private static final class Diff extends Recorder {
        private final Recorder before;
        private final AnalyticsListener out;
        private final long from;
        private final Map<Long, Bar> barsByStart = new HashMap<>();

        Diff(Recorder before, AnalyticsListener out, long from) {
            this.before = before;
            this.out = out;
            this.from = from;
        }

        @Override
        public void onIndicators(Bar bar, List<Indicator> ready) {
            super.onIndicators(bar, ready);
            barsByStart.put(bar.startMillis(), bar);
            if (bar.startMillis() < from) return;
            Map<String, Map<String, Double>> old = before.values.getOrDefault(bar.startMillis(), Map.of());
            List<Indicator> added = new ArrayList<>(), revised = new ArrayList<>();
            for (Indicator i : ready) {
                Map<String, Double> was = old.get(i.key());
                if (was == null) added.add(i);
                else if (!i.values().equals(was)) revised.add(i);
            }
            if (!added.isEmpty()) out.onIndicators(bar, added);
            if (!revised.isEmpty()) out.onIndicatorsRevised(bar, revised);
        }

        @Override
        public void onPattern(Bar bar, Detection d) {
            super.onPattern(bar, d);
            barsByStart.put(bar.startMillis(), bar);
            if (bar.startMillis() < from) return;
            Detection old =
                    before.patterns.getOrDefault(bar.startMillis(), Map.of()).get(d.patternType());
            if (old == null) out.onPattern(bar, d);
            else if (old.output() != d.output()) out.onPatternRevised(bar, d);
        }

        /** Patterns the first replay had and the corrected one has not. */
        void retractions(List<Bar> previousBars) {
            Map<Long, Bar> previous = new HashMap<>();
            for (Bar b : previousBars) previous.put(b.startMillis(), b);
            for (Map.Entry<Long, Map<String, Detection>> e : before.patterns.entrySet()) {
                if (e.getKey() < from) continue;
                Set<String> nowFound = new HashSet<>(
                        patterns.getOrDefault(e.getKey(), Map.of()).keySet());
                for (Detection d : e.getValue().values()) {
                    if (nowFound.contains(d.patternType())) continue;
                    Bar bar = barsByStart.getOrDefault(e.getKey(), previous.get(e.getKey()));
                    out.onPatternRetracted(Objects.requireNonNull(bar, "retracted pattern's bar"), d);
                }
            }
        }
    }
}
