package se.techtank.events.domain;

import se.techtank.platform.problem.DomainException;

/** Lowering the capacity below the seats already confirmed would take seats away from people. */
public class CapacityBelowConfirmedException extends DomainException {

    public CapacityBelowConfirmedException(int capacity, int confirmed) {
        super(
                Kind.CONFLICT,
                "capacity-below-confirmed",
                "Capacity below confirmed registrations",
                "Capacity " + capacity + " is below the " + confirmed
                        + " registrations already confirmed; cancel registrations first.");
    }
}
