package se.techtank.platform.paging;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a collection: {@code {"items": [...], "page": 0, "size": 20, "totalItems": 137, "totalPages": 7}}. */
@Schema(description = "One page of a collection")
public record Page<T>(
        List<T> items,
        @Schema(description = "Page number, from 0") int page,
        @Schema(description = "Requested page size (1–100)") int size,

        @Schema(description = "Items in the whole collection")
        long totalItems,

        @Schema(description = "Pages in the whole collection")
        int totalPages) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
        int pages = (int) ((totalItems + request.size() - 1) / request.size());
        return new Page<>(List.copyOf(items), request.page(), request.size(), totalItems, pages);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
