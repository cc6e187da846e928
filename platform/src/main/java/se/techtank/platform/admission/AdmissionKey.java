package se.techtank.platform.admission;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the parameter of an {@link Admitted} method whose value chooses the gate: calls with equal keys
 * take turns with each other, calls with other keys mostly do not (the keys share {@value
 * AdmissionGates#STRIPES} gates by their hash). For work that queues on one row anyway, such as
 * registrations for one meeting.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface AdmissionKey {}
