package io.mops.qa.campaign;

import java.util.List;
import java.util.Objects;

final class Lists {

    private Lists() {
    }

    /** Absent lists read as empty and null entries are dropped, so checks never trip over holes in a submission. */
    static <T> List<T> present(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
