package se.techtank.platform.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code GET} that answers through {@link ConditionalGet}: the API document then declares its
 * {@code If-None-Match} parameter, the {@code ETag}, {@code Cache-Control} and {@code Vary} headers of its 200,
 * and its 304 (ProblemResponsesFilter), which the method itself cannot show (it reads the request's headers).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Revalidatable {}
