package org.msapp.application.port;

import java.util.UUID;

/** Ids of events and of access tokens, unique (entity ids come from the persistence port). */
public interface IdGenerator {
    UUID newEventId();

    UUID newTokenId();
}
