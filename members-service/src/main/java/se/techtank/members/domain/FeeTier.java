package se.techtank.members.domain;

/** The membership fee tier, derived from the company's EU size class when it is approved. */
public enum FeeTier {
    TIER_1,
    TIER_2,
    TIER_3,
    TIER_4;

    public static FeeTier of(SizeClass sizeClass) {
        return switch (sizeClass) {
            case MICRO -> TIER_1;
            case SMALL -> TIER_2;
            case MEDIUM -> TIER_3;
            case LARGE -> TIER_4;
        };
    }
}
