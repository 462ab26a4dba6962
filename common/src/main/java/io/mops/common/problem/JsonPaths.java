package io.mops.common.problem;

import com.fasterxml.jackson.databind.JsonMappingException;

import java.util.List;

final class JsonPaths {

    private JsonPaths() {
    }

    /** {@code [lines, 2, amount]} becomes {@code lines[2].amount}. */
    static String of(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
