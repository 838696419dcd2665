package org.msapp.domain.order;

import java.util.Optional;

/** What an update asks to change; an empty field stays as it is. */
public record OrderChanges(Optional<ItemDescription> itemDescription, Optional<Quantity> itemQuantity,
                           Optional<ItemPrice> itemPrice) {
    public static OrderChanges none() {
        return new OrderChanges(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean isEmpty() {
        return itemDescription.isEmpty() && itemQuantity.isEmpty() && itemPrice.isEmpty();
    }
}
