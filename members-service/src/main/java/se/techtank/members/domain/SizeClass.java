package se.techtank.members.domain;

/** The EU SME size class by number of employees: micro < 10, small < 50, medium < 250, large ≥ 250. */
public enum SizeClass {
    MICRO,
    SMALL,
    MEDIUM,
    LARGE;

    public static SizeClass of(int employees) {
        if (employees < 0) {
            throw new IllegalArgumentException("Employees cannot be negative: " + employees);
        }
        if (employees < 10) {
            return MICRO;
        }
        if (employees < 50) {
            return SMALL;
        }
        return employees < 250 ? MEDIUM : LARGE;
    }
}
