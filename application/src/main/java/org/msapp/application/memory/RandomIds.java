package org.msapp.application.memory;

import java.util.UUID;
import org.msapp.application.port.IdGenerator;

/** Random (version 4) UUIDs. */
public final class RandomIds implements IdGenerator {
    @Override
    public UUID newEventId() {
        return UUID.randomUUID();
    }

    @Override
    public UUID newTokenId() {
        return UUID.randomUUID();
    }
}
