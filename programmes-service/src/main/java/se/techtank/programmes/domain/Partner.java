package se.techtank.programmes.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A partner IUC that runs intakes and applies for companies in its counties; its id is the {@code
 * partner_id} claim of its tokens (e.g. {@code iuc-syd}).
 */
@Entity
@Table(name = "partner")
public class Partner {

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String[] counties;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "modified_at", nullable = false)
    private Instant modifiedAt;

    @Version
    private long version;

    protected Partner() {}

    public static Partner of(String id, String name, List<String> counties, Instant now) {
        Partner partner = new Partner();
        partner.id = id;
        partner.createdAt = now;
        partner.change(name, counties, now);
        return partner;
    }

    public void change(String name, List<String> counties, Instant now) {
        this.name = name.strip();
        this.counties = counties.stream().distinct().sorted().toArray(String[]::new);
        this.modifiedAt = now;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public List<String> counties() {
        return List.of(counties);
    }

    public boolean serves(String county) {
        return Set.of(counties).contains(county);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant modifiedAt() {
        return modifiedAt;
    }

    public long version() {
        return version;
    }
}
