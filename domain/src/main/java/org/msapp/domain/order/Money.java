package org.msapp.domain.order;

/** An amount in cents. The domain's largest, 1,000,000 x 100,000,000, fits a long with room to spare. */
public record Money(long cents) {
}
