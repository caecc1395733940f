package io.tickstock.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.app.subscriber.MessageReader;
import io.tickstock.app.subscriber.UnreadableMessage;
import io.tickstock.contract.Channels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fuzz generator's labels agree with the app's reader: every message it calls malformed is refused, every valid one read. */
class HostileMessagesTest {
    @Test
    void everyMessageLabelledRefusedIsRefusedAndEveryValidOneRead() {
        HostileMessages messages = new HostileMessages(7);
        MessageReader reader = new MessageReader(() -> 1_700_000_000_000L);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            HostileMessages.Message m = messages.next();
            if (m.channel().equals(Channels.ENGINE_COMMANDS)) continue;
            boolean refused;
            try {
                reader.read(m.channel(), m.text());
                refused = false;
            } catch (UnreadableMessage e) {
                refused = true;
            }
            if (refused != m.refused() && wrong.size() < 10)
                wrong.add(m.kind() + " on " + m.channel() + ": "
                        + m.text().substring(0, Math.min(300, m.text().length())));
        }
        assertThat(wrong).isEmpty();
    }
}
