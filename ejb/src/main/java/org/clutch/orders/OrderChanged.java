package org.clutch.orders;

import java.util.UUID;

/** An order was opened or took a step, fired in the transaction of the change with the order as its customer reads it. */
public record OrderChanged(UUID customerId, OrderView order) {
}
