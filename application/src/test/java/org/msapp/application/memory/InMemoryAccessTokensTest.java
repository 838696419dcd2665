package org.msapp.application.memory;

import java.time.Clock;
import org.msapp.application.port.AccessTokens;
import org.msapp.application.port.AccessTokensContract;

class InMemoryAccessTokensTest extends AccessTokensContract {
    @Override
    protected AccessTokens tokens(Clock clock) {
        return new InMemoryAccessTokens(clock);
    }
}
