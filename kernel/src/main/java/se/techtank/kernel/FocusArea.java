package se.techtank.kernel;

/**
 * The needs Techtank works with (DOMAIN.md). Companies' needs, meetings and programmes are all tagged
 * with these codes, which is what lets the system match them.
 */
public enum FocusArea {
    /** Digitalisering. */
    DIGITALISATION,
    /** Automatisering. */
    AUTOMATION,
    /** Hållbarhet. */
    SUSTAINABILITY,
    /** Innovation. */
    INNOVATION,
    /** Nya och smarta material. */
    SMART_MATERIALS,
    /** Nya marknader. */
    NEW_MARKETS,
    /** Kompetensutveckling. */
    COMPETENCE_DEVELOPMENT,
    /** Kompetensförsörjning. */
    COMPETENCE_SUPPLY
}
