package se.techtank.platform.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import se.techtank.platform.problem.FieldError;
import se.techtank.platform.problem.InvalidRequestException;

/**
 * A validated {@code page}/{@code size}/{@code sort} request (docs/api-conventions.md): page from 0, size
 * 1–100 (larger is refused, not cut), sort as {@code field,asc|desc} over a whitelist per endpoint.
 */
public record PageRequest(int page, int size, List<SortOrder> sort) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** One sort key: an API field name and its direction. */
    public record SortOrder(String field, boolean ascending) {}

    public PageRequest {
        sort = List.copyOf(sort);
    }

    /**
     * Parses the query parameters of a list operation.
     *
     * @param sortable the API field names this endpoint sorts by
     * @param defaultSort used when {@code sort} is absent, e.g. {@code name,asc}
     * @throws InvalidRequestException (400) naming each bad parameter
     */
    public static PageRequest of(
            Integer page, Integer size, List<String> sort, Set<String> sortable, String defaultSort) {
        List<FieldError> errors = new ArrayList<>();
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            errors.add(new FieldError("page", "must be 0 or greater"));
        }
        if (s < 1 || s > MAX_SIZE) {
            errors.add(new FieldError("size", "must be between 1 and " + MAX_SIZE));
        }
        List<String> requested = sort == null || sort.isEmpty() ? List.of(defaultSort) : sort;
        List<SortOrder> orders = new ArrayList<>();
        for (String entry : requested) {
            String[] parts = entry.split(",", -1);
            String field = parts[0].trim();
            String direction = parts.length > 1 ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
            if (!sortable.contains(field)) {
                errors.add(new FieldError(
                        "sort",
                        "cannot sort by '" + field + "'; sortable: "
                                + String.join(", ", new java.util.TreeSet<>(sortable))));
            } else if (parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
                errors.add(new FieldError("sort", "'" + entry + "' is not field,asc or field,desc"));
            } else {
                orders.add(new SortOrder(field, direction.equals("asc")));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The paging or sorting parameters are invalid.", errors);
        }
        return new PageRequest(p, s, orders);
    }

    /**
     * Like {@link #of(Integer, Integer, List, Set, String)} for raw query parameters, so that {@code
     * page=abc} is a 400 naming {@code page} rather than a bare conversion error.
     */
    public static PageRequest parse(
            String page, String size, List<String> sort, Set<String> sortable, String defaultSort) {
        List<FieldError> errors = new ArrayList<>();
        Integer p = integer("page", page, errors);
        Integer s = integer("size", size, errors);
        try {
            PageRequest request = of(p, s, sort, sortable, defaultSort);
            if (errors.isEmpty()) {
                return request;
            }
        } catch (InvalidRequestException e) {
            errors.addAll(e.errors());
        }
        throw new InvalidRequestException("The paging or sorting parameters are invalid.", errors);
    }

    private static Integer integer(String name, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, "must be a whole number"));
            return null;
        }
    }

    public int offset() {
        return page * size;
    }
}
