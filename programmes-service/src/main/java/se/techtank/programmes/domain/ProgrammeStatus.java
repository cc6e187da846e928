package se.techtank.programmes.domain;

/** A programme's lifecycle: drafted by staff, published to the catalogue, archived when it has ended. */
public enum ProgrammeStatus {
    DRAFT,
    PUBLISHED,
    ARCHIVED
}
