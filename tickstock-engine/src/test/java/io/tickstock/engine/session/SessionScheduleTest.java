package io.tickstock.engine.session;

import static io.tickstock.engine.session.NyseCalendarTest.ny;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.engine.session.SessionSchedule.Action;
import org.junit.jupiter.api.Test;

class SessionScheduleTest {
    @Test
    void calendarOpensAtTheOpenAndClosesAtTheClose() {
        SessionSchedule s = SessionSchedule.calendar(new NyseCalendar(), false);
        assertThat(s.decide(ny(2026, 11, 23, 9, 29))).isEqualTo(Action.NONE);
        assertThat(s.decide(ny(2026, 11, 23, 9, 30))).isEqualTo(Action.START);
        assertThat(s.trigger()).isEqualTo(SessionTrigger.SCHEDULED);
        assertThat(s.decide(ny(2026, 11, 23, 12, 0))).isEqualTo(Action.NONE);
        assertThat(s.decide(ny(2026, 11, 23, 16, 0))).isEqualTo(Action.STOP);
        assertThat(s.finalStatus()).isEqualTo(FinalStatus.COMPLETED);
        assertThat(s.decide(ny(2026, 11, 26, 10, 0))).as("Thanksgiving").isEqualTo(Action.NONE);
        assertThat(s.decide(ny(2026, 11, 27, 12, 59))).isEqualTo(Action.START);
        assertThat(s.decide(ny(2026, 11, 27, 13, 0))).as("early close").isEqualTo(Action.STOP);
    }

    @Test
    void operatorStopHoldsUntilTheNextWindowAndStartOpensAtOnce() {
        SessionSchedule s = SessionSchedule.calendar(new NyseCalendar(), false);
        assertThat(s.decide(ny(2026, 11, 23, 10, 0))).isEqualTo(Action.START);
        s.requestStop(ny(2026, 11, 23, 11, 0));
        assertThat(s.decide(ny(2026, 11, 23, 11, 0))).isEqualTo(Action.STOP);
        assertThat(s.finalStatus()).isEqualTo(FinalStatus.STOPPED);
        assertThat(s.decide(ny(2026, 11, 23, 15, 0))).as("stays stopped today").isEqualTo(Action.NONE);
        assertThat(s.decide(ny(2026, 11, 24, 9, 30))).as("next day opens").isEqualTo(Action.START);

        SessionSchedule weekend = SessionSchedule.calendar(new NyseCalendar(), false);
        assertThat(weekend.decide(ny(2026, 11, 21, 12, 0))).isEqualTo(Action.NONE);
        weekend.requestStart();
        assertThat(weekend.decide(ny(2026, 11, 21, 12, 0))).isEqualTo(Action.START);
        assertThat(weekend.trigger()).isEqualTo(SessionTrigger.MANUAL);
        weekend.requestStop(ny(2026, 11, 21, 13, 0));
        assertThat(weekend.decide(ny(2026, 11, 21, 13, 0))).isEqualTo(Action.STOP);
        assertThat(weekend.finalStatus()).isEqualTo(FinalStatus.STOPPED);
    }

    @Test
    void immediateStartsAtOnce() {
        SessionSchedule s = SessionSchedule.immediate();
        assertThat(s.decide(ny(2026, 11, 21, 3, 0))).isEqualTo(Action.START);
        assertThat(s.trigger()).isEqualTo(SessionTrigger.MANUAL);
        assertThat(s.decide(ny(2026, 11, 21, 23, 0))).isEqualTo(Action.NONE);
    }
}
