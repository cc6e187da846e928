package se.techtank.notifications.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A programme with its intakes, as programmes.programme.v1 last said (the projection; never edited here). */
@Entity
@Table(name = "programme")
public class Programme {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String code;

    /** The event's payload as JSON text: names, focus areas, intakes. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String state;

    protected Programme() {}

    public UUID id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String state() {
        return state;
    }
}
