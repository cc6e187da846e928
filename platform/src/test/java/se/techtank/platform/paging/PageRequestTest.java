package se.techtank.platform.paging;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.techtank.platform.problem.FieldError;
import se.techtank.platform.problem.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageRequestTest {

    private static final Set<String> SORTABLE = Set.of("name", "modifiedAt");

    @Test
    void defaults_to_the_first_page_of_twenty_in_the_default_order() {
        PageRequest request = PageRequest.of(null, null, null, SORTABLE, "name,asc");

        assertThat(request.page()).isZero();
        assertThat(request.size()).isEqualTo(20);
        assertThat(request.sort()).containsExactly(new PageRequest.SortOrder("name", true));
        assertThat(request.offset()).isZero();
    }

    @Test
    void reads_page_size_and_several_sort_keys() {
        PageRequest request = PageRequest.of(3, 50, List.of("modifiedAt,desc", "name"), SORTABLE, "name,asc");

        assertThat(request.offset()).isEqualTo(150);
        assertThat(request.sort())
                .containsExactly(
                        new PageRequest.SortOrder("modifiedAt", false), new PageRequest.SortOrder("name", true));
    }

    @Test
    void a_size_above_one_hundred_is_refused_not_cut() {
        assertThatThrownBy(() -> PageRequest.of(0, 101, null, SORTABLE, "name,asc"))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("size"));
    }

    @Test
    void every_bad_parameter_is_named() {
        assertThatThrownBy(() -> PageRequest.of(-1, 0, List.of("password,asc", "name,sideways"), SORTABLE, "name,asc"))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("page", "size", "sort", "sort"));
    }

    @Test
    void an_unknown_sort_field_names_the_sortable_ones_always_in_the_same_order() {
        assertThatThrownBy(() ->
                        PageRequest.of(0, 20, List.of("owner"), Set.of("name", "modifiedAt", "createdAt"), "name"))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::message)
                                .containsExactly("cannot sort by 'owner'; sortable: createdAt, modifiedAt, name"));
    }

    @Test
    void a_page_counts_its_pages() {
        PageRequest request = PageRequest.of(1, 20, null, SORTABLE, "name,asc");

        Page<String> page = Page.of(List.of("a", "b"), request, 41);

        assertThat(page.totalPages()).isEqualTo(3);
        assertThat(page.map(String::toUpperCase).items()).containsExactly("A", "B");
        assertThat(Page.of(List.of(), request, 0).totalPages()).isZero();
    }
}
