package io.tickstock.engine.session;

import java.util.Optional;

/**
 * When a live session should run: by the {@link NyseCalendar} (trigger {@code scheduled}: from the open to
 * the close, or the extended window), or right away (trigger {@code manual}), plus operator commands. A
 * manual start opens a session at once that runs until a manual stop; a manual stop ends the running session and keeps the scheduled one from reopening until the
 * window is over. Pure: time comes in as arguments (epoch ms). Single-threaded: the engine's shard thread.
 */
public final class SessionSchedule {
    /** What the engine should do now. */
    public enum Action {
        NONE,
        START,
        STOP
    }

    private final NyseCalendar calendar;
    private final boolean byCalendar, extendedHours;
    private boolean manualOpen, running, stopRequested;
    private long suppressedUntil = Long.MIN_VALUE;

    private SessionSchedule(NyseCalendar calendar, boolean byCalendar, boolean extendedHours) {
        this.calendar = calendar;
        this.byCalendar = byCalendar;
        this.extendedHours = extendedHours;
    }

    /** Sessions follow the NYSE calendar. */
    public static SessionSchedule calendar(NyseCalendar calendar, boolean extendedHours) {
        return new SessionSchedule(calendar, true, extendedHours);
    }

    /** A session starts at once (as a manual start) and runs until stopped. */
    public static SessionSchedule immediate() {
        SessionSchedule s = new SessionSchedule(new NyseCalendar(), false, false);
        s.manualOpen = true;
        return s;
    }

    /** An operator's start: a session opens at the next {@link #decide}. */
    public void requestStart() {
        manualOpen = true;
        suppressedUntil = Long.MIN_VALUE;
    }

    /** An operator's stop: the session ends at the next {@link #decide} and the calendar waits for the next window. */
    public void requestStop(long nowMillis) {
        manualOpen = false;
        stopRequested = true;
        if (byCalendar) {
            Optional<NyseCalendar.TradingDay> day = calendar.dayAt(nowMillis, extendedHours);
            suppressedUntil = day.map(d -> d.endMillis(extendedHours)).orElse(Long.MIN_VALUE);
        }
    }

    private boolean inWindow(long nowMillis) {
        return byCalendar
                && nowMillis >= suppressedUntil
                && calendar.dayAt(nowMillis, extendedHours).isPresent();
    }

    /** The action due now; the caller performs it (the schedule then assumes it done). */
    public Action decide(long nowMillis) {
        boolean wanted = manualOpen || inWindow(nowMillis);
        if (wanted && !running) {
            running = true;
            stopRequested = false;
            return Action.START;
        }
        if (!wanted && running) {
            running = false;
            return Action.STOP;
        }
        return Action.NONE;
    }

    /** The trigger of a session started now: {@code manual} after an operator's start, else {@code scheduled}. */
    public SessionTrigger trigger() {
        return manualOpen ? SessionTrigger.MANUAL : SessionTrigger.SCHEDULED;
    }

    /** A session ending now: {@code completed} at the window's end, {@code stopped} by the operator. */
    public FinalStatus finalStatus() {
        return stopRequested ? FinalStatus.STOPPED : FinalStatus.COMPLETED;
    }

    /** Adopts a session resumed after a restart as running. */
    public void resumed(SessionTrigger trigger) {
        running = true;
        if (trigger == SessionTrigger.MANUAL) manualOpen = true;
    }
}
