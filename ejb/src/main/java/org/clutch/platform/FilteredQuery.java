package org.clutch.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A page of a JPQL list with optional filters, as the admin lists need them: each filter that has a value adds its
 * condition, and the page's items and its total are read with the same conditions.
 */
public final class FilteredQuery<T> {

    private final EntityManager em;
    private final Class<T> type;
    private final String alias;
    private final StringBuilder where = new StringBuilder(" where 1 = 1");
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private FilteredQuery(EntityManager em, Class<T> type, String alias) {
        this.em = em;
        this.type = type;
        this.alias = alias;
    }

    /** Rows of an entity (named by its class, the JPA default), referred to as {@code alias} in conditions. */
    public static <T> FilteredQuery<T> of(EntityManager em, Class<T> type, String alias) {
        return new FilteredQuery<>(em, type, alias);
    }

    /** Adds {@code condition} (which names {@code :parameter}) unless {@code value} is null. */
    public FilteredQuery<T> where(String condition, String parameter, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            parameters.put(parameter, value);
        }
        return this;
    }

    public <V> Page<V> page(String orderBy, int page, int size, Function<T, V> view) {
        String from = " from " + type.getSimpleName() + " " + alias + where;
        TypedQuery<T> items = em.createQuery("select " + alias + from + " order by " + orderBy, type);
        TypedQuery<Long> count = em.createQuery("select count(" + alias + ")" + from, Long.class);
        parameters.forEach((name, value) -> {
            items.setParameter(name, value);
            count.setParameter(name, value);
        });
        var views = items.setFirstResult(Page.firstResult(page, size)).setMaxResults(Page.clampSize(size)).getResultStream()
                .map(view).toList();
        return new Page<>(views, Math.max(page, 0), Page.clampSize(size), count.getSingleResult());
    }
}
